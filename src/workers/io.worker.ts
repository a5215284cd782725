/// <reference lib="webworker" />
import { parseDataset } from '../core/io/parse';
import { transferablesOf } from '../core/io/payload';
import type { IoRequest, IoResponse } from './io-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<IoRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'parse': {
      let response: IoResponse;
      try {
        const payload = parseDataset(new Uint8Array(request.bytes), request.name, request.limits);
        response = { type: 'parsed', id: request.id, payload };
        scope.postMessage(response, transferablesOf(payload));
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
