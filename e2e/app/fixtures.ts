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
  launchBuiltApp: async ({}, use, testInfo) => {
    const apps: BuiltApp[] = []
    await use(async (options) => {
      const app = await launchBuiltApp(options)
      apps.push(app)
      return app
    })
    for (const app of apps) {
      // What the app's process and its pages printed, beside a failure's report.
      if (testInfo.status !== testInfo.expectedStatus) {
        const { stdout, stderr, pages } = app.output()
        await testInfo.attach('app output', {
          body: `stdout:\n${stdout}\nstderr:\n${stderr}\npages:\n${pages.join('\n')}`,
        })
      }
      await app.close()
    }
  },
})

export { expect } from '@playwright/test'
