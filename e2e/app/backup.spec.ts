import { existsSync, openSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { randomFillSync } from 'node:crypto'
import { dirname, join } from 'node:path'
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { fillRecord, skipSetup } from './helpers'

const ID = '00000000-0000-4000-8000-000000000001'
const MB = 1024 * 1024
const manifest = (ids: string[]) =>
  strToU8(
    JSON.stringify({
      format: 'incident-tray-backup',
      version: 1,
      createdAt: '2026-11-23T14:00:00.000Z',
      incidents: ids.map((id) => ({ id, title: 'x', events: 1, images: 0 })),
    }),
  )

/** Writes a zip streaming to `path`: `mb` megabytes per entry, zeros deflated or random stored. */
function writeZip(path: string, entries: Record<string, number>, random: boolean): void {
  const fd = openSync(path, 'w')
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    writeSync(fd, chunk)
  })
  const head = new ZipPassThrough('incident-tray-backup.json')
  zip.add(head)
  head.push(manifest([ID]), true)
  const block = new Uint8Array(16 * MB)
  if (random) randomFillSync(block)
  for (const [name, mb] of Object.entries(entries)) {
    const file = random ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 })
    zip.add(file)
    for (let left = mb; left > 0; left -= 16) {
      file.push(block.subarray(0, Math.min(16, left) * MB), left <= 16)
    }
  }
  zip.end()
  closeSync(fd)
}

async function openImport(page: Page) {
  await page.keyboard.press('Control+,')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('navigation').getByRole('button', { name: 'Data & backup' }).click()
  return settings
}

test('a zip bomb is refused at once by the worker; a long read shows progress and Cancel stops it', async ({
  launchBuiltApp,
}) => {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  const settings = await openImport(page)
  const choose = async (file: string) => {
    await app.dialog.answer({ filePaths: [file] })
    await settings.getByRole('button', { name: 'Choose backup…' }).click()
  }

  // 400 MB of zeros as one incident log, in a 400 KB file.
  const bomb = join(app.dataDir, '..', 'bomb.zip')
  writeZip(bomb, { [`incidents/${ID}/events.jsonl`]: 400 }, false)
  await choose(bomb)
  await expect(settings.getByRole('alert')).toContainText(
    /That backup cannot be imported: it unpacks to more than \d+ MB, far more than a backup of its size can hold\. Nothing was changed\./,
  )

  // A large archive written as a stream (sizes after the data): slow to read, so there is time
  // to see the progress bar and press Cancel.
  const large = join(app.dataDir, '..', 'large.zip')
  const images: Record<string, number> = {}
  for (let i = 0; i < 12; i++) images[`incidents/${ID}/attachments/a${i}.png`] = 16
  writeZip(large, images, true)
  await choose(large)
  const progress = settings.getByRole('progressbar', { name: 'Reading the backup' })
  await expect(progress).toBeVisible()
  await expect(settings.getByText(/Reading the backup: \d+ MB of 192 MB/)).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/app-backup-progress.png' })
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await expect(settings.getByRole('alert')).toHaveText(
    'The backup import was cancelled. Nothing was changed.',
  )
  await expect(progress).toBeHidden()
  expect(existsSync(join(app.dataDir, 'incidents', ID))).toBe(false)
})

test('a backup from another computer imports through the worker and its settings set the login item', async ({
  launchBuiltApp,
}) => {
  const source = await launchBuiltApp()
  const from = await source.window()
  await skipSetup(from)
  await source.tray.click('Record incident…')
  await fillRecord(from, 'API down', 1)
  const zip = join(source.dataDir, '..', 'from-a.zip')
  const settingsA = await openImport(from)
  await settingsA.getByRole('checkbox', { name: /Open Incident Tray when I log in/ }).check()
  await source.dialog.answer({ filePath: zip })
  await settingsA.getByRole('button', { name: 'Back up everything…' }).click()
  await expect(settingsA.getByRole('status')).toHaveText(`Saved 1 incident to ${zip}`)
  await source.quit()

  // A second copy of the same backup with one incident listed twice: refused, by name.
  const dup = join(dirname(zip), 'dup.zip')
  const { unzipSync, strFromU8 } = await import('fflate')
  const files = unzipSync(readFileSync(zip))
  const m = JSON.parse(strFromU8(files['incident-tray-backup.json']!)) as { incidents: unknown[] }
  m.incidents.push(m.incidents[0])
  writeFileSync(dup, zipSync({ ...files, 'incident-tray-backup.json': strToU8(JSON.stringify(m)) }))

  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  const settings = await openImport(page)
  await app.dialog.answer({ filePaths: [dup] })
  await settings.getByRole('button', { name: 'Choose backup…' }).click()
  await expect(settings.getByRole('alert')).toContainText(/it lists incident \S+ twice/)

  await app.dialog.answer({ filePaths: [zip] })
  await settings.getByRole('button', { name: 'Choose backup…' }).click()
  await expect(settings.getByText('New: will be added')).toBeVisible()
  await settings.getByRole('checkbox', { name: /Also restore the backup’s settings/ }).check()
  await settings.getByRole('button', { name: /Import 1 incident/ }).click()
  await expect(settings.getByRole('status')).toHaveText('Imported 1 incident; settings restored.')
  // The restored "open at login" took effect: Linux's autostart entry exists.
  const entry = join(dirname(app.dataDir), 'autostart', 'incident-tray.desktop')
  await expect.poll(() => existsSync(entry)).toBe(true)
  await expect(
    settings.getByRole('checkbox', { name: /Open Incident Tray when I log in/ }),
  ).toBeChecked()
})
