import { defineConfig } from '@playwright/test'

/** `npm run test:app`: the built app in a child process, over the Electron stand-in. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './coverage-setup.ts',
  // Ends the run with `electron/main: N% of lines executed` and the same for the preload.
  globalTeardown: '../electron-standin/coverage-report.ts',
})
