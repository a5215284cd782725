/// <reference lib="webworker" />
import { transferablesOf, type Attributes } from '../core/io/payload';
import { parseDatasets } from '../core/io/tables';
import { readDataset, type ReadResult } from '../core/read-dataset';
import { ATTRIBUTE_CHUNK, type IoRequest, type IoResponse } from './io-protocol';

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
        if (result.kind === 'network') {
          const { payload } = result;
          sendInChunks(request.id, 'node', payload.nodeAttributes);
          if (payload.edgeAttributes) sendInChunks(request.id, 'edge', payload.edgeAttributes);
          const rest = {
            ...payload,
            nodeAttributes: [],
            edgeAttributes: payload.edgeAttributes && [],
          };
          response = { type: 'parsed', id: request.id, result: { kind: 'network', payload: rest } };
          scope.postMessage(response, transferablesOf(rest));
        } else {
          response = { type: 'parsed', id: request.id, result };
          scope.postMessage(response);
        }
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

function sendInChunks(id: number, table: 'node' | 'edge', rows: Attributes[]): void {
  for (let start = 0; start < rows.length; start += ATTRIBUTE_CHUNK) {
    const message: IoResponse = {
      type: 'attributes',
      id,
      table,
      rows: rows.slice(start, start + ATTRIBUTE_CHUNK),
    };
    scope.postMessage(message);
  }
}
