/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The .NET server serves dist/ from the same origin, so the API is always reached at /api.
// In development Vite forwards those paths to the server on port 5080.
const backend = 'http://localhost:5080';

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    mode !== 'test' &&
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: 'script-defer',
        manifest: {
          name: 'LNEMIS – Education Management',
          short_name: 'LNEMIS',
          description: 'National education management information system',
          lang: 'en',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#1f3a5f',
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // Only the application shell is precached; server data is never served from a cache.
          globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [/^\/api\//, /^\/health/, /^\/openapi/, /^\/scalar/],
          runtimeCaching: [
            {
              urlPattern: ({ url }) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/health'),
              handler: 'NetworkOnly',
            },
          ],
          cleanupOutdatedCaches: true,
        },
      }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/health': backend,
      '/openapi': backend,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Form tests type into many fields; on a loaded 2-core CI machine 5 s was too close.
    testTimeout: 15_000,
  },
}));
