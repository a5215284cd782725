/// <reference lib="webworker" />
import { transferablesOf } from '../core/io/payload';
import { parseDatasets } from '../core/io/tables';
import { readDataset, type ReadResult } from '../core/read-dataset';
import type { IoRequest, IoResponse } from './io-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<IoRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'parse': {
      let response: IoResponse;
      const names = request.files.map((file) => file.name).join(' and ');
      try {
        const files = request.files.map(({ name, bytes }) => ({
          name,
          bytes: new Uint8Array(bytes),
        }));
        const result: ReadResult =
          files.length === 1
            ? readDataset(files[0].bytes, files[0].name, request.limits)
            : { kind: 'network', payload: parseDatasets(files, request.limits) };
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
          message: message.startsWith(names) ? message : `${names}: ${message}`,
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
