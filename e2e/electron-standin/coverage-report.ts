/**
 * After `npm run test:app`: which lines of electron/main and electron/preload the built app
 * executed, from V8's block coverage (the child process through NODE_V8_COVERAGE, the preload
 * through Chromium's JS coverage) mapped back to the sources through the build's source maps.
 * Prints one line per folder: `electron/main: N% of lines executed`. Playwright runs it as the
 * global teardown of e2e/app/playwright.config.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping'
import { COVERAGE_DIR } from './launch'

const ROOT = resolve(import.meta.dirname, '../..')

interface Range {
  startOffset: number
  endOffset: number
  count: number
}
interface ScriptCoverage {
  url: string
  source?: string
  functions: { ranges: Range[] }[]
}

/** Per character of the script: did it run in any process? The innermost range decides. */
function executed(length: number, scripts: { shift: number; functions: { ranges: Range[] }[] }[]) {
  const ran = new Uint8Array(length)
  for (const { shift, functions } of scripts) {
    const counts = new Int32Array(length).fill(-1)
    const ranges = functions
      .flatMap((f) => f.ranges)
      .sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset))
    for (const r of ranges) {
      const start = Math.max(0, r.startOffset - shift)
      const end = Math.min(length, r.endOffset - shift)
      if (end > start) counts.fill(r.count, start, end)
    }
    for (let i = 0; i < length; i++) if ((counts[i] ?? 0) > 0) ran[i] = 1
  }
  return ran
}

/** Source lines with code (they appear in the map) and those of them that ran. */
function lines(builtFile: string, ran: Uint8Array, folder: string) {
  const code = readFileSync(builtFile, 'utf8')
  const lineStarts = [0]
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1)
  const map = new TraceMap(readFileSync(`${builtFile}.map`, 'utf8'))
  const all = new Map<string, Set<number>>()
  const hit = new Map<string, Set<number>>()
  eachMapping(map, (m) => {
    if (!m.source || m.originalLine === null) return
    const file = relative(ROOT, resolve(dirname(builtFile), m.source))
    if (!file.startsWith(`${folder}/`) || file.endsWith('.test.ts')) return
    const offset = (lineStarts[m.generatedLine - 1] ?? 0) + m.generatedColumn
    if (!all.has(file)) all.set(file, new Set())
    all.get(file)!.add(m.originalLine)
    if (ran[offset]) {
      if (!hit.has(file)) hit.set(file, new Set())
      hit.get(file)!.add(m.originalLine)
    }
  })
  return { all, hit }
}

function report(
  folder: string,
  builtFile: string,
  scripts: { shift: number; functions: { ranges: Range[] }[] }[],
) {
  const length = readFileSync(builtFile, 'utf8').length
  const { all, hit } = lines(builtFile, executed(length, scripts), folder)
  let total = 0
  let ran = 0
  const perFile: string[] = []
  for (const [file, set] of [...all].sort()) {
    const h = hit.get(file)?.size ?? 0
    total += set.size
    ran += h
    const missed = [...set].filter((l) => !hit.get(file)?.has(l)).sort((a, b) => a - b)
    perFile.push(
      `  ${file}: ${Math.round((100 * h) / set.size)}% (${h}/${set.size})${missed.length ? ` not run: ${missed.join(',')}` : ''}`,
    )
  }
  const pct = total ? Math.floor((1000 * ran) / total) / 10 : 0
  if (process.env.COVERAGE_DETAIL) console.log(perFile.join('\n'))
  console.log(`${folder}: ${pct}% of lines executed (${ran} of ${total} lines)`)
  return pct
}

export default function coverageReport(): void {
  const mainFile = join(ROOT, 'out/main/index.js')
  const preloadFile = join(ROOT, 'out/preload/index.cjs')
  const mainUrl = pathToFileURL(mainFile).href
  const mainDir = join(COVERAGE_DIR, 'main')
  const mainScripts = (existsSync(mainDir) ? readdirSync(mainDir) : [])
    .filter((f) => f.endsWith('.json'))
    .flatMap(
      (f) =>
        (JSON.parse(readFileSync(join(mainDir, f), 'utf8')) as { result: ScriptCoverage[] }).result,
    )
    .filter((s) => s.url === mainUrl)
    .map((s) => ({ shift: 0, functions: s.functions }))

  const preloadCode = readFileSync(preloadFile, 'utf8')
  const preloadScripts = (existsSync(COVERAGE_DIR) ? readdirSync(COVERAGE_DIR) : [])
    .filter((f) => f.startsWith('preload-'))
    .flatMap((f) => JSON.parse(readFileSync(join(COVERAGE_DIR, f), 'utf8')) as ScriptCoverage[])
    .filter((s) => s.source?.includes(preloadCode))
    .map((s) => ({ shift: s.source!.indexOf(preloadCode), functions: s.functions }))

  if (!mainScripts.length || !preloadScripts.length)
    console.log(
      `coverage: ${mainScripts.length} main and ${preloadScripts.length} preload records found (run with APP_COVERAGE=1)`,
    )
  report('electron/main', mainFile, mainScripts)
  report('electron/preload', preloadFile, preloadScripts)
}
