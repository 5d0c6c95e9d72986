import { expect, test } from './fixtures'

test('start shows the idle tray with "Record incident…" and the window', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await expect(page.getByRole('button', { name: /Record incident/ }).first()).toBeVisible()
  const state = await app.state()
  console.log(JSON.stringify(state.tray, null, 1))
  expect(state.tray?.image).toMatch(/tray-idle\.png$/)
})
