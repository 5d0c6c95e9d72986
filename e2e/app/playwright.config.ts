import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser'

/** `npm run test:app`: the built app in a child process, over the Electron stand-in. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // For pages a spec draws itself (the tray menu and the notification, for review).
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  globalSetup: './coverage-setup.ts',
  // Ends the run with `electron/main: N% of lines executed` and the same for the preload.
  globalTeardown: '../electron-standin/coverage-report.ts',
})
