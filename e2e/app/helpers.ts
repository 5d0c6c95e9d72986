import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import type { BuiltApp, LaunchBuiltAppOptions } from '../electron-standin/launch'

export const MIN = 60_000

/** A new profile opens on the first-run setup; these specs are not about it. */
export async function skipSetup(page: Page): Promise<void> {
  const setup = page.getByRole('dialog', { name: 'Welcome to Incident Tray' })
  await setup.getByRole('button', { name: /Skip for now/ }).click()
  await expect(setup).toBeHidden()
}

/** Fills the record dialog (already open) and records. */
export async function fillRecord(page: Page, title: string, severity: 1 | 2 | 3): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Record an incident' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByRole('radio', { name: new RegExp(`Severity ${severity}`) }).check()
  // The name field shows only until a name is saved (the first recording saves it).
  const you = dialog.getByLabel('Recorded by (you)')
  if ((await you.count()) > 0 && (await you.inputValue()) === '') await you.fill('Dana')
  await dialog.getByRole('button', { name: /Record incident/ }).click()
  await expect(dialog).toBeHidden()
}

/** Launches the built app on a new profile, skips the setup and records one incident from the tray. */
export async function recordFromTray(
  launchBuiltApp: (options?: LaunchBuiltAppOptions) => Promise<BuiltApp>,
  title: string,
  severity: 1 | 2 | 3,
): Promise<{ app: BuiltApp; page: Page }> {
  const app = await launchBuiltApp()
  const page = await app.window()
  await skipSetup(page)
  await app.tray.click('Record incident…')
  await fillRecord(page, title, severity)
  return { app, page }
}

/** A call through window.api: the built preload, ipcRenderer and main's handlers. */
export async function call<T = unknown>(
  page: Page,
  channel: string,
  input?: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return page.evaluate(
    async ([c, i]) => {
      const [noun = '', verb = ''] = c.split(':')
      const api = (
        globalThis as unknown as {
          api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>>
        }
      ).api
      return api[noun]![verb]!(i) as never
    },
    [channel, input] as const,
  )
}

export function incidentIds(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'incidents')).filter((n) => !n.includes('.'))
}

/** The incident's log as written on disk, one event a line. */
export function logEvents(dataDir: string, id: string): { type: string; [k: string]: unknown }[] {
  return readFileSync(join(dataDir, 'incidents', id, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string })
}
