import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // Source maps for stack traces and for the built-app coverage (npm run test:app); the
      // packaged app leaves them out (electron-builder.yml).
      sourcemap: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Unpacks backups off the main thread (services/backup-worker-client.ts starts it).
          'backup-unzip-worker': resolve(__dirname, 'electron/services/backup-unzip-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      sourcemap: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
})
