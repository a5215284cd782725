import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative base: the built folder works from any sub-path (a project page, a file share).
  base: './',
  plugins: [
    svelte(),
    // Offline after the first visit: a service worker precaches the app shell, the bundled samples
    // and the format examples. It only ever fetches those files (no runtime caching, no CDN): ?data=
    // URLs and everything else go to the network untouched. It is registered from src/main.ts (no
    // inline script, so the CSP keeps script-src 'self').
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,jpg,json,jsonl,gexf,graphml,net,csv,txt,gz,md}'],
        globIgnores: ['**/*.map'],
        // The bigger sample is 0.9 MB; the default limit (2 MiB) would leave nothing out either,
        // but say it: a larger sample must be a conscious choice.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Any page of the app opens offline; sample and example files are files, not pages.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/samples\//, /\/examples\//],
        cleanupOutdatedCaches: true,
        sourcemap: false,
      },
    }),
  ],
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
