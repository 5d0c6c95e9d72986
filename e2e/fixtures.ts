import { test as base } from '@playwright/test'
import { launchApp, type App, type LaunchOptions } from './harness'

/** Each test gets `launchApp` over its own data directory; every app is closed afterwards. */
export const test = base.extend<{ launchApp: (options?: LaunchOptions) => Promise<App> }>({
  launchApp: async ({ browser }, use) => {
    const apps: App[] = []
    await use(async (options = {}) => {
      const app = await launchApp({ browser, ...options })
      apps.push(app)
      return app
    })
    for (const app of apps) await app.close()
  },
})

export { expect } from '@playwright/test'
