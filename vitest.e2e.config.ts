import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against `vite preview`. One file at a time: the machine
// has two cores and WebGL is software-rendered.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
