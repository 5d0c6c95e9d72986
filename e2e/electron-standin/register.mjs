// `node --import ./e2e/electron-standin/register.mjs out/main/index.js`: installs hooks.mjs, and
// makes `process.platform` the OS the stand-in plays (STANDIN_PLATFORM, see platform.ts) before
// the app's first line runs. Node's own modules took the real platform when they loaded.
import Module, { register } from 'node:module'

const os = { 'linux-x11': 'linux', 'linux-wayland': 'linux', darwin: 'darwin', win32: 'win32' }[
  process.env.STANDIN_PLATFORM ?? 'linux-x11'
]
if (!os)
  throw new Error(`STANDIN_PLATFORM ${process.env.STANDIN_PLATFORM} is not one the stand-in plays`)
Object.defineProperty(process, 'platform', { value: os, enumerable: true, configurable: true })

register('./hooks.mjs', import.meta.url)

// CommonJS `require('electron')` (electron-updater loads it so, lazily) gets the stand-in the
// app's own import loaded: index.ts leaves it on globalThis. The hook above sees only imports.
const load = Module._load
Module._load = function (request, ...rest) {
  if (request !== 'electron') return load.call(this, request, ...rest)
  const standin = globalThis[Symbol.for('incident-tray.electron-standin')]
  if (!standin) throw new Error("require('electron') before the app imported the stand-in")
  return standin
}
