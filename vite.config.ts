import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative base: the built folder works from any sub-path (a project page, a file share).
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  optimizeDeps: {
    // Pre-bundled up front so `vite dev` does not reload the page on first visit.
    include: [
      'graphology',
      'sigma',
      'saxes',
      'fflate',
      '@sigma/export-image',
      'graphology-layout-forceatlas2/iterate.js',
      'graphology-layout-forceatlas2/helpers.js',
    ],
  },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4179, strictPort: true },
});
