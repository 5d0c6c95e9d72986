/**
 * What the app reads from or hands to the system: clipboard, screen, capture, dialogs, shell,
 * session and system preferences. Each keeps what the app asked for the test to read.
 */
import { fromPartition } from './net'
import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'
import { request, serve } from './bridge'
import { StandinNativeImage } from './image'
import { isMac, isWayland, SCALE_FACTOR } from './platform'
import type { SameArgs } from './types'
import { StandinBrowserWindow } from './window'

// https://www.electronjs.org/docs/latest/api/clipboard-item and .../clipboard (Electron 45: async).
export class StandinClipboardItem {
  readonly types: string[]
  constructor(
    readonly items: Record<
      string,
      string | Electron.ClipboardBookmark | Blob | Promise<Blob | string>
    >,
  ) {
    this.types = Object.keys(items)
  }
  async getType(type: string): Promise<Blob> {
    const value = await this.items[type]
    if (value === undefined) throw new Error(`type ${type} is not on this item`)
    return value instanceof Blob ? value : new Blob([String(value)], { type })
  }
}
export const ClipboardItem = StandinClipboardItem satisfies new (
  items: ConstructorParameters<typeof Electron.ClipboardItem>[0],
) => SameArgs<Pick<Electron.ClipboardItem, 'types'>>

/** Every write, as text per MIME type, newest last. */
export const clipboardWrites: Record<string, string>[] = []
async function asText(item: StandinClipboardItem): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const type of item.types) out[type] = await (await item.getType(type)).text()
  return out
}
let clipboardItems: StandinClipboardItem[] = []
export const clipboard = {
  async write(data: Electron.ClipboardItem[]): Promise<void> {
    clipboardItems = data as unknown as StandinClipboardItem[]
    const first = clipboardItems[0]
    clipboardWrites.push(first ? await asText(first) : {})
  },
  async writeText(text: string): Promise<void> {
    await clipboard.write([new StandinClipboardItem({ 'text/plain': text })] as never)
  },
  async read(): Promise<Electron.ClipboardItem[]> {
    return clipboardItems as unknown as Electron.ClipboardItem[]
  },
  async readText(): Promise<string> {
    const item = clipboardItems.find((i) => i.types.includes('text/plain'))
    return item ? (await item.getType('text/plain')).text() : ''
  },
  async has(mimetype: string): Promise<boolean> {
    return clipboardItems.some((i) => i.types.includes(mimetype))
  },
  clear(): void {
    clipboardItems = []
  },
} satisfies SameArgs<
  Pick<Electron.Clipboard, 'write' | 'writeText' | 'read' | 'readText' | 'has' | 'clear'>
>

// https://www.electronjs.org/docs/latest/api/screen: one 1920x1080 display, at the scale factor
// of the platform played (platform.ts).
const DISPLAY = {
  id: 1,
  label: 'Stand-in display',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1040 },
  scaleFactor: SCALE_FACTOR,
  rotation: 0,
  internal: true,
  monochrome: false,
  accelerometerSupport: 'unknown',
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  detected: true,
  displayFrequency: 60,
  maximumCursorSize: { width: 0, height: 0 },
  nativeOrigin: { x: 0, y: 0 },
  touchSupport: 'unknown',
} satisfies Electron.Display
/**
 * More displays, for a test that moves the window between them: STANDIN_DISPLAYS is a JSON list
 * of `{ id, bounds }` (the first is primary; the work area is the bounds less a 40 px panel).
 */
function displays(): Electron.Display[] {
  const extra = process.env.STANDIN_DISPLAYS
  if (!extra) return [DISPLAY]
  return (JSON.parse(extra) as { id: number; bounds: Electron.Rectangle }[]).map(
    ({ id, bounds }, i) => ({
      ...DISPLAY,
      id,
      label: `Stand-in display ${id}`,
      internal: i === 0,
      bounds,
      workArea: { ...bounds, height: bounds.height - 40 },
      size: { width: bounds.width, height: bounds.height },
      workAreaSize: { width: bounds.width, height: bounds.height - 40 },
    }),
  )
}
const overlap = (a: Electron.Rectangle, b: Electron.Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: (): Electron.Display[] => displays(),
  getPrimaryDisplay: (): Electron.Display => displays()[0]!,
  // The display the rectangle overlaps most; the primary when it overlaps none (as Electron does).
  getDisplayMatching: (rect: Electron.Rectangle): Electron.Display =>
    displays().reduce((best, d) =>
      overlap(rect, d.bounds) > overlap(rect, best.bounds) ? d : best,
    ),
}) satisfies SameArgs<
  Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>
>

/** What capturing asked of the system, for the test: macOS prompts and Wayland portal picks. */
export const captureLog = { calls: 0, permissionPrompts: 0, portalPicks: 0 }

/**
 * macOS Screen Recording permission (https://www.electronjs.org/docs/latest/api/desktop-capturer:
 * "Capturing the screen contents requires user consent on macOS 10.15 Catalina or higher").
 * The first getSources call while it is `not-determined` makes macOS ask; the answer is given
 * in System Settings and counts only after a relaunch, so it reads `denied` until then.
 */
let screenAccess = (process.env.STANDIN_SCREEN_ACCESS ?? (isMac ? 'not-determined' : 'granted')) as
  'not-determined' | 'granted' | 'denied'

/**
 * desktopCapturer.getSources (https://www.electronjs.org/docs/latest/api/desktop-capturer): the
 * screen and each visible window; the thumbnail is a real PNG of the app's page (the display
 * screenshots it), empty when the size asked is 0x0. On Wayland every call is a new pick in the
 * portal's dialog and answers that one source, with an id of its own ("only returns a single
 * source on Linux when using Pipewire … the selected source will be returned as a window
 * capture", Caveats).
 */
export const desktopCapturer = {
  async getSources(options: Electron.SourcesOptions): Promise<Electron.DesktopCapturerSource[]> {
    captureLog.calls++
    if (isMac && screenAccess === 'not-determined') {
      captureLog.permissionPrompts++
      screenAccess = 'denied'
    }
    const wantThumb = (options.thumbnailSize?.width ?? 150) > 0
    const sources: { id: string; name: string; windowId?: number }[] = []
    const visible = StandinBrowserWindow.getAllWindows().filter((w) => w.isVisible())
    if (isWayland) {
      captureLog.portalPicks++
      sources.push({
        id: `window:${1000 + captureLog.portalPicks}:0`,
        name: 'Picked in the screen-sharing dialog',
        windowId: visible[0]?.id,
      })
    } else {
      if (options.types.includes('screen'))
        sources.push({ id: 'screen:0:0', name: 'Entire screen', windowId: visible[0]?.id })
      if (options.types.includes('window'))
        for (const w of visible)
          sources.push({ id: `window:${w.id}:0`, name: w.getTitle(), windowId: w.id })
    }
    const out: Electron.DesktopCapturerSource[] = []
    for (const s of sources) {
      // Without the permission macOS gives the wallpaper, not the screen: no usable image.
      const png =
        wantThumb && s.windowId !== undefined && !(isMac && screenAccess !== 'granted')
          ? Buffer.from(await request<string>('capture', s.windowId), 'base64')
          : Buffer.alloc(0)
      out.push({
        id: s.id,
        name: s.name,
        display_id: s.id.startsWith('screen:') ? '1' : '',
        thumbnail: new StandinNativeImage(png) as unknown as Electron.NativeImage,
        appIcon: null as unknown as Electron.NativeImage,
      })
    }
    return out
  },
} satisfies SameArgs<Pick<Electron.DesktopCapturer, 'getSources'>>

/** Scripted dialog answers (the test queues them); with none queued a dialog is cancelled. */
export const dialogAnswers: { filePaths?: string[]; filePath?: string; response?: number }[] = []
export const dialogsShown: { kind: string; title: string | undefined }[] = []
function options<T>(a: unknown, b: T | undefined): T {
  return (b ?? a) as T
}
// https://www.electronjs.org/docs/latest/api/dialog
export const dialog = {
  async showOpenDialog(
    a: Electron.BaseWindow | Electron.OpenDialogOptions,
    b?: Electron.OpenDialogOptions,
  ): Promise<Electron.OpenDialogReturnValue> {
    dialogsShown.push({ kind: 'open', title: options<Electron.OpenDialogOptions>(a, b).title })
    const answer = dialogAnswers.shift()
    return answer?.filePaths
      ? { canceled: false, filePaths: answer.filePaths }
      : { canceled: true, filePaths: [] }
  },
  async showSaveDialog(
    a: Electron.BaseWindow | Electron.SaveDialogOptions,
    b?: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue> {
    dialogsShown.push({ kind: 'save', title: options<Electron.SaveDialogOptions>(a, b).title })
    const answer = dialogAnswers.shift()
    return answer?.filePath
      ? { canceled: false, filePath: answer.filePath }
      : { canceled: true, filePath: '' }
  },
  async showMessageBox(
    a: Electron.BaseWindow | Electron.MessageBoxOptions,
    b?: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue> {
    dialogsShown.push({ kind: 'message', title: options<Electron.MessageBoxOptions>(a, b).title })
    return { response: dialogAnswers.shift()?.response ?? 0, checkboxChecked: false }
  },
}
dialog satisfies SameArgs<Pick<Electron.Dialog, 'showOpenDialog' | 'showSaveDialog'>>

// https://www.electronjs.org/docs/latest/api/shell: recorded, nothing is opened.
export const openedExternal: string[] = []
export const openedPaths: string[] = []
export const shell = {
  async openExternal(url: string): Promise<void> {
    openedExternal.push(url)
  },
  async openPath(path: string): Promise<string> {
    openedPaths.push(path)
    return ''
  },
} satisfies SameArgs<Pick<Electron.Shell, 'openExternal' | 'openPath'>>

// https://www.electronjs.org/docs/latest/api/session: the permission handlers are kept, and the
// test asks them as a page would (permission:request / permission:check below).
export const permissionHandlers = { request: false, check: false }
type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]
let requestHandler: RequestHandler = null
let checkHandler: CheckHandler = null
const defaultSession = {
  setPermissionRequestHandler(handler: RequestHandler) {
    requestHandler = handler
    permissionHandlers.request = handler !== null
  },
  setPermissionCheckHandler(handler: CheckHandler) {
    checkHandler = handler
    permissionHandlers.check = handler !== null
  },
} satisfies SameArgs<
  Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
>
// Without a handler Electron grants every permission: so does the stand-in.
serve(
  'permission:request',
  (windowId: number, permission: string, origin: string) =>
    new Promise<boolean>((resolve) => {
      if (!requestHandler) return resolve(true)
      requestHandler(
        StandinBrowserWindow.fromId(windowId)!.webContents as unknown as Electron.WebContents,
        permission as Parameters<NonNullable<RequestHandler>>[1],
        resolve,
        { requestingUrl: origin, isMainFrame: true } as Electron.PermissionRequest,
      )
    }),
)
serve('permission:check', (windowId: number, permission: string, origin: string) => {
  if (!checkHandler) return true
  return checkHandler(
    StandinBrowserWindow.fromId(windowId)!.webContents as unknown as Electron.WebContents,
    permission as Parameters<NonNullable<CheckHandler>>[1],
    origin,
    { isMainFrame: true, requestingUrl: origin } as Electron.PermissionCheckHandlerHandlerDetails,
  )
})
// electron-updater asks for its own partition's session (net.ts).
export const session = { defaultSession, fromPartition } satisfies SameArgs<
  Pick<typeof Electron.session, 'fromPartition'>
> & { defaultSession: typeof defaultSession }

// https://www.electronjs.org/docs/latest/api/system-preferences (macOS and Windows).
export const systemPreferences = {
  getMediaAccessStatus: (
    mediaType: 'microphone' | 'camera' | 'screen',
  ): 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown' =>
    mediaType === 'screen' ? screenAccess : 'granted',
} satisfies SameArgs<Pick<Electron.SystemPreferences, 'getMediaAccessStatus'>>
