import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.WORDSPREAD_E2E_PORT ?? 4179);
/** The built app to serve; a separate folder lets several runs share one checkout. */
const DIST = process.env.WORDSPREAD_DIST ?? 'dist';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

/** Serves the built app with `vite preview` on a dedicated port for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  // Started as `node …/vite.js` (not through npx) so that killing it kills the server.
  server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(PORT),
      '--strictPort',
      '--outDir',
      DIST,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${PORT}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not start on ${PORT}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  project.provide('baseUrl', baseUrl);
}

export async function teardown(): Promise<void> {
  server?.kill();
}
