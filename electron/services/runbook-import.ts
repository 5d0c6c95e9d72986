import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs'
import { extname, join, sep } from 'node:path'
import { UserError } from '../domain/errors'
import { parseRunbookMarkdown, runbookId, type Runbook } from '../domain/runbooks'
import type { RunbookImportReport } from '../shared/mitigation-inputs'

const MARKDOWN = new Set(['.md', '.markdown'])
const MAX_BYTES = 1_000_000

/**
 * Reads every Markdown file in `folder` (not its subfolders) as a runbook. A file that cannot be
 * used is skipped and listed with the reason; the others are imported.
 */
export function readRunbookFolder(folder: string): {
  runbooks: Runbook[]
  report: RunbookImportReport
} {
  let names: string[]
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder')
    names = readdirSync(folder).sort((a, b) => a.localeCompare(b))
  } catch (err) {
    throw new UserError('folder-unreadable', `Can't open the folder ${folder}: ${reason(err)}.`)
  }
  const runbooks: Runbook[] = []
  const report: RunbookImportReport = { imported: [], skipped: [] }
  const skip = (file: string, why: string) => report.skipped.push({ file, reason: why })
  for (const file of names) {
    const path = join(folder, file)
    if (file.startsWith('.')) continue
    if (!MARKDOWN.has(extname(file).toLowerCase())) {
      const kind = safeIsDirectory(path)
        ? 'a folder'
        : `not a Markdown file (${extname(file) || 'no extension'})`
      skip(file, `${kind}; only .md and .markdown files are imported`)
      continue
    }
    let text: string
    try {
      const read = readRegularFile(folder, path)
      if (typeof read === 'string') {
        skip(file, read)
        continue
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(read)
      if (text.includes('\u0000')) throw new Error('it is not text')
    } catch (err) {
      skip(file, `could not be read: ${reason(err)}`)
      continue
    }
    const parsed = parseRunbookMarkdown(text)
    const title = parsed.title ?? file.replace(/\.(md|markdown)$/i, '')
    if (!parsed.title && !parsed.firstSteps.length) {
      skip(file, 'no # heading and no list of steps: is it a runbook?')
      continue
    }
    const runbook: Runbook = {
      id: runbookId(title),
      title: title.slice(0, 200),
      alarms: parsed.alarms,
      firstSteps: parsed.firstSteps,
    }
    runbooks.push(runbook)
    report.imported.push({
      id: runbook.id,
      title: runbook.title,
      steps: runbook.firstSteps.length,
      file,
    })
  }
  return { runbooks, report }
}

/**
 * A file's bytes, or why it is skipped: checked on the open descriptor before a byte is read, so
 * a FIFO named x.md cannot block (opened non-blocking, then refused), a device is not read, a
 * file over 1 MB is not loaded, and a link leading out of the folder is not followed.
 */
function readRegularFile(folder: string, path: string): Uint8Array | string {
  let target = path
  if (lstatSync(path).isSymbolicLink()) {
    target = realpathSync(path)
    if (!target.startsWith(realpathSync(folder) + sep)) {
      return 'a link to a file outside the folder; copy the file into the folder instead'
    }
  }
  const fd = openSync(
    target,
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0),
  )
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return 'a folder; only .md and .markdown files are imported'
    if (!stat.isFile()) return 'not a regular file (a pipe, socket or device)'
    if (stat.size > MAX_BYTES) {
      return `too large (${Math.round(stat.size / 1000)} kB; a runbook is at most 1 MB)`
    }
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

function safeIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function reason(err: unknown): string {
  if (err instanceof TypeError) return 'it is not UTF-8 text'
  const code = (err as { code?: string }).code
  const known: Record<string, string> = {
    ENOENT: 'it does not exist (a broken link?)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'not a folder',
  }
  return (code && known[code]) ?? (err instanceof Error ? err.message : String(err))
}
