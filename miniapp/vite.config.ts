import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => {
  if (command === 'build') {
    // Vite derives import.meta.env.DEV from NODE_ENV, so a NODE_ENV=test or =development leaking in
    // from a test runner or a shell would ship React's dev build and the Telegram mock (mockEnv.ts).
    // `vite build` here always means the production bundle.
    process.env.NODE_ENV = 'production';
  }
  return {
    root: import.meta.dirname,
    // Relative asset URLs keep the build working wherever the API mounts it (`/` today).
    base: './',
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // dist/.vite/manifest.json: which chunks and CSS the entry pulls in statically, read by the
      // miniapp benchmark to tell the initial download from the lazy screens.
      manifest: true,
    },
    server: {
      proxy: {
        '/api': 'http://127.0.0.1:8080',
      },
    },
  };
});
