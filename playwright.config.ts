import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/browser'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The built app over the Electron stand-in runs on its own: npm run test:app.
  testIgnore: 'app/**',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
})
