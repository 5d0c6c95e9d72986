import { test as base } from '@playwright/test'
import {
  launchBuiltApp,
  type BuiltApp,
  type LaunchBuiltAppOptions,
} from '../electron-standin/launch'

/** Each test starts the built app on its own profile; every app is quit afterwards. */
export const test = base.extend<{
  launchBuiltApp: (options?: LaunchBuiltAppOptions) => Promise<BuiltApp>
}>({
  // eslint-disable-next-line no-empty-pattern
  launchBuiltApp: async ({}, use) => {
    const apps: BuiltApp[] = []
    await use(async (options) => {
      const app = await launchBuiltApp(options)
      apps.push(app)
      return app
    })
    for (const app of apps) await app.close()
  },
})

export { expect } from '@playwright/test'
