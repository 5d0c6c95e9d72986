import { FileSecretStore } from './file-secrets'
import { mkdtempSync, rmSync } from 'node:fs'
import { ScriptedPicker } from './scripted-picker'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { ManualClock } from '../services/clock'
import { createHost, type Host, type HostOptions } from '../services/host'
import type { AppUpdater, NotificationRequest, ScreenCapturer } from '../services/ports'
import { encodePng } from '../../scripts/png'
import type { FsPort } from '../store/fs-port'
import type { SettingsBackend } from '../store/settings-store'
import { PRIVATE_FILE_MODE } from '../store/private-files'
import { FakeDesktop } from './fake-desktop'
import { RecordingFileSaver } from './file-saver'

/** A temp directory removed by the returned cleanup. */
/** The value of a host call that must succeed; its error message when it did not. */
export function ok<T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/**
 * The event loop's next turn: where what follows a command runs (host-parts.ts `afterAnswer`), as
 * it does between two commands in the app.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'incident-tray-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function confSettings(dataDir: string): () => SettingsBackend {
  return () =>
    new Conf({
      projectName: 'incident-tray',
      cwd: dataDir,
      configName: 'settings',
      clearInvalidConfig: false,
      // As the app opens it (electron/main/index.ts): private to the owner.
      configFileMode: PRIVATE_FILE_MODE,
    }) as unknown as SettingsBackend
}

/** A real PNG of the given size: a blue-to-red gradient, so it is not trivially compressible. */
export function samplePng(width = 64, height = 40): Buffer {
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    rgba.set([(i % width) * 4, 80, 255 - (i % width) * 4, 255], i * 4)
  }
  return encodePng(width, height, rgba)
}

/** Records what was captured; returns a real PNG, as desktopCapturer would. */
export function recordingCapturer(
  permission: ReturnType<ScreenCapturer['permission']> = 'not-needed',
): ScreenCapturer & { captured: string[] } {
  const captured: string[] = []
  return {
    captured,
    permission: () => permission,
    sources: async () => [
      { id: 'screen:0', name: 'Entire screen', kind: 'screen' },
      { id: 'window:42', name: 'Grafana – API latency', kind: 'window' },
    ],
    capture: async (id) => {
      if (!id.startsWith('screen:') && !id.startsWith('window:')) throw new Error('no such source')
      captured.push(id)
      return samplePng(320, 200)
    },
  }
}

/** Ids count up across every host in the process, so a host reopened over a folder never reuses one. */
let n = 0

/** The real host over a real store in `dataDir`, with a manual clock and recording adapters. */
export function testHost(
  dataDir: string,
  clock = new ManualClock(new Date('2026-11-23T14:00:00Z')),
  desktop = new FakeDesktop(),
  capturer: ScreenCapturer = recordingCapturer(),
  fs?: FsPort,
  publishTimeoutMs?: number,
  more: Pick<HostOptions, 'log' | 'onTray' | 'newId'> & { updater?: AppUpdater } = {},
) {
  const { updater, ...options } = more
  const notifications: NotificationRequest[] = []
  const clipboard: { text: string; html?: string }[] = []
  const files = new RecordingFileSaver(dataDir)
  const picker = new ScriptedPicker()
  const host: Host = createHost({
    dataDir,
    ports: {
      clock,
      notifier: { show: (x) => notifications.push(x) },
      clipboard: { write: (c) => clipboard.push(c) },
      shortcuts: desktop,
      desktop,
      files,
      capturer,
      filePicker: picker,
      folderPicker: picker,
      secrets: new FileSecretStore(join(dataDir, 'secrets.json')),
      updater,
    },
    openSettings: confSettings(dataDir),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    log: () => undefined,
    fs,
    publishTimeoutMs,
    ...options,
  })
  return { host, clock, notifications, clipboard, desktop, files, picker }
}

/** The user picks `path` in the backup file dialog: the token main hands the renderer for it. */
export async function pickFile(t: { host: Host; picker: ScriptedPicker }, path: string) {
  t.picker.answer(path)
  const result = await t.host.call('backup:pickFile', undefined)
  if (!result.ok || !result.value.token) throw new Error('the file dialog gave no token')
  return result.value.token
}

/** The user picks `path` in the runbook folder dialog. */
export async function pickFolder(t: { host: Host; picker: ScriptedPicker }, path: string) {
  t.picker.answer(path)
  const result = await t.host.call('runbook:pickFolder', undefined)
  if (!result.ok || !result.value.token) throw new Error('the folder dialog gave no token')
  return result.value.token
}

/** Ticks every communication checklist item, so only what a test is about holds up resolving. */
export async function tickAllCommunications(host: Host, id: string): Promise<void> {
  const comms = await host.call('comms:outputs', { id })
  for (const item of comms.ok ? comms.value.checklist : []) {
    await host.call('comms:check', { id, item: item.id, done: true })
  }
}
