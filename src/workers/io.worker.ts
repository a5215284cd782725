/// <reference lib="webworker" />
import { transferablesOf } from '../core/io/payload';
import { readDataset } from '../core/read-dataset';
import type { IoRequest, IoResponse } from './io-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<IoRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'parse': {
      let response: IoResponse;
      try {
        const result = readDataset(new Uint8Array(request.bytes), request.name, request.limits);
        response = { type: 'parsed', id: request.id, result };
        scope.postMessage(
          response,
          result.kind === 'network' ? transferablesOf(result.payload) : [],
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        response = {
          type: 'failed',
          id: request.id,
          message: message.startsWith(request.name) ? message : `${request.name}: ${message}`,
        };
        scope.postMessage(response);
      }
      return;
    }
    default: {
      const unknown: never = request.type;
      throw new Error(`io worker: unknown request ${String(unknown)}`);
    }
  }
};
