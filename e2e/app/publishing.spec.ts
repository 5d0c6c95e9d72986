import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeWordPress } from '../../electron/testing/fake-wordpress'
import { expect, test } from './fixtures'
import { skipSetup } from './helpers'

const PASSWORD = 'Qw3r Ty5u Io7p As9d Fg2h Jk4l'

test('the publishing password goes through safeStorage: encrypted on disk, read back after a restart', async ({
  launchBuiltApp,
}) => {
  const wp = await fakeWordPress()
  try {
    const app = await launchBuiltApp()
    const page = await app.window()
    await skipSetup(page)
    await page.keyboard.press('Control+,')
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('navigation').getByRole('button', { name: 'Publishing' }).click()
    await settings.getByLabel('Site address').fill(wp.url)
    await settings.getByLabel('User name').fill('oncall')
    await settings.getByLabel('Application password').fill(PASSWORD)
    await settings.getByRole('button', { name: 'Connect', exact: true }).click()
    await expect(settings.getByRole('status')).toContainText('Connected to Fake P2 as oncall')

    const secrets = readFileSync(join(app.dataDir, 'secrets.json'), 'utf8')
    expect(JSON.parse(secrets)).toHaveProperty('publishing-credential')
    expect(secrets).not.toContain(PASSWORD)
    expect(secrets).not.toContain(Buffer.from(PASSWORD).toString('base64'))
    expect(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')).not.toContain(PASSWORD)
    expect(await app.quit()).toBe(0)

    // A new process decrypts it: Test connection signs in with the kept password.
    const again = await launchBuiltApp({ dataDir: app.dataDir })
    const page2 = await again.window()
    await page2.getByRole('button', { name: 'Settings' }).click()
    const settings2 = page2.getByRole('dialog', { name: 'Settings' })
    await settings2.getByRole('navigation').getByRole('button', { name: 'Publishing' }).click()
    await expect(settings2.getByLabel('Application password')).toHaveAttribute(
      'placeholder',
      'Saved in the keychain (type to replace)',
    )
    await settings2.getByRole('button', { name: 'Test connection' }).click()
    await expect(settings2.getByRole('status')).toContainText('The connection works: Fake P2')
    expect(wp.requests.filter((r) => r === 'GET /wp/v2/users/me')).toHaveLength(2)
  } finally {
    await wp.close()
  }
})
