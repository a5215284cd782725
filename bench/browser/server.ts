import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it for the server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Server {
  baseUrl: string;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built app with node alone, so the bench also runs where only dist/ and the bundled bench
 * travel (a GPU machine without node_modules). The page is cross-origin isolated (COOP + COEP): its
 * clock then has 5 µs resolution instead of 100 µs, which per-frame figures under a millisecond need.
 * The app loads nothing from other origins, so isolation changes nothing else.
 */
export function startStaticServer(dist: string, port: number): Promise<Server> {
  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)));
    const target =
      file.startsWith(dist) && existsSync(file) && statSync(file).isFile()
        ? file
        : path.join(dist, 'index.html');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    createReadStream(target).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${port}/`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
