import { test as base } from '@playwright/test'
import { launchApp, type App, type LaunchOptions } from './harness'

/** Each test gets `launchApp` over its own data directory; every app is closed afterwards. */
export const test = base.extend<{ launchApp: (options?: LaunchOptions) => Promise<App> }>({
  launchApp: async ({ browser, locale }, use) => {
    const apps: App[] = []
    await use(async (options = {}) => {
      // test.use({ locale }) reaches the page like any Playwright option.
      const app = await launchApp({ browser, ...(locale ? { locale } : {}), ...options })
      apps.push(app)
      return app
    })
    for (const app of apps) await app.close()
  },
})

export { expect } from '@playwright/test'
