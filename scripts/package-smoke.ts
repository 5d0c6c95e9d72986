/**
 * Packaging smoke check (`npm run test:package`): electron-builder cannot download Electron here,
 * so it packs the built app against a stand-in Electron folder (a script that carries Electron's
 * fuse wire), then checks what a user would get: the asar holds the app code, assets and runtime
 * dependencies, and no tests or sources; the fuses in electron-builder.yml were applied.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'

const ROOT = resolve(import.meta.dirname, '..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
]

function standInElectron(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stand-in-electron-'))
  // Version 1, eight fuses, Electron's defaults (RunAsNode on, cookie encryption off, ...).
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')])
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# '),
    wire,
    Buffer.from('\necho stand-in\n'),
  ])
  writeFileSync(join(dir, 'electron'), script)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), 'v45.3.4')
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  mkdirSync(join(dir, 'resources'))
  return dir
}

const failures: string[] = []
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const dist = standInElectron()
const out = mkdtempSync(join(tmpdir(), 'incident-tray-dist-'))
try {
  const run = spawnSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `--config.electronDist=${dist}`,
      `--config.directories.output=${out}`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  )
  check(run.status === 0, 'electron-builder packs the app with the stand-in Electron')
  if (run.status !== 0) console.log(run.stdout, run.stderr)

  const appDir = join(out, 'linux-unpacked')
  const files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false })
  const has = (f: string) => files.includes(f)
  for (const f of [
    '/package.json',
    '/out/main/index.js',
    '/out/main/backup-unzip-worker.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
    '/assets/tray-idle.png',
    '/assets/tray-overdue@2x.png',
    '/assets/tray-activeTemplate.png',
    '/node_modules/electron-store/package.json',
    '/node_modules/zod/package.json',
    '/node_modules/fflate/package.json',
    '/node_modules/mdast-util-from-markdown/package.json',
    '/node_modules/micromark/package.json',
    '/node_modules/mdast-util-to-string/package.json',
    '/node_modules/electron-updater/package.json',
    '/node_modules/htmlparser2/package.json',
  ]) {
    check(has(f), `asar holds ${f}`)
  }
  for (const [pattern, what] of [
    [/\.(test|spec)\.[jt]sx?$/, 'test files'],
    [/^\/(e2e|bench|scripts|electron|renderer\/src)\//, 'sources, tests or benchmarks'],
    [/^\/node_modules\/(electron|vitest|@playwright|typescript|react)\//, 'dev dependencies'],
  ] as const) {
    const found = files.filter((f) => pattern.test(f))
    check(
      found.length === 0,
      `asar holds no ${what}${found.length ? `: ${found.slice(0, 3).join(', ')}` : ''}`,
    )
  }

  // The update feed packaging writes beside the app: GitHub releases of package.json's repository.
  const updateYml = join(appDir, 'resources', 'app-update.yml')
  const feed = existsSync(updateYml) ? readFileSync(updateYml, 'utf8') : ''
  const repository = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }
  ).repository.url
  const [, owner, repo] = /github\.com\/([^/]+)\/([^/.]+)/.exec(repository) ?? []
  check(/^provider: github$/m.test(feed), 'app-update.yml names GitHub releases as the update feed')
  check(
    feed.includes(`owner: ${owner}`) && feed.includes(`repo: ${repo}`),
    `app-update.yml names ${owner}/${repo}, package.json's repository`,
  )
  const binary = join(appDir, 'incident-tray')
  const fuses = await getCurrentFuseWire(binary)
  const state = (name: string) => {
    // Each fuse is a byte: '1' (49) on, '0' (48) off.
    const value = (fuses as unknown as Record<number, number>)[FUSE_NAMES.indexOf(name)]
    return value === 49 ? 'on' : value === 48 ? 'off' : String(value)
  }
  for (const [name, expected] of [
    ['RunAsNode', 'off'],
    ['EnableCookieEncryption', 'on'],
    ['EnableNodeOptionsEnvironmentVariable', 'off'],
    ['EnableNodeCliInspectArguments', 'off'],
    ['EnableEmbeddedAsarIntegrityValidation', 'on'],
    ['OnlyLoadAppFromAsar', 'on'],
    // The renderer comes from app:// (electron/main/app-protocol.ts): file: needs no privileges.
    ['GrantFileProtocolExtraPrivileges', 'off'],
  ] as const) {
    check(state(name) === expected, `fuse ${name} is ${expected}`)
  }
  console.log(`${files.length} files in app.asar`)
} finally {
  rmSync(dist, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })
}
if (failures.length) {
  console.log(`packaging smoke: ${failures.length} failed`)
  process.exit(1)
}
console.log('packaging smoke: all checks passed')
