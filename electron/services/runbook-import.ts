import { extname } from 'node:path'
import { UserError } from '../domain/incident/errors'
import { runbookId, type Runbook } from '../domain/settings/runbooks'
import type { RunbookImportReport } from '../shared/mitigation-inputs'
import { isFolderIn, listFolder, readRunbookFile } from '../store/runbook-files'
import { parseRunbookMarkdown } from './runbook-markdown'

const MARKDOWN = new Set(['.md', '.markdown'])

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
    names = listFolder(folder)
  } catch (err) {
    throw new UserError('folder-unreadable', `Can't open the folder ${folder}: ${reason(err)}.`)
  }
  const runbooks: Runbook[] = []
  const report: RunbookImportReport = { imported: [], skipped: [] }
  const skip = (file: string, why: string) => report.skipped.push({ file, reason: why })
  for (const file of names) {
    if (file.startsWith('.')) continue
    if (!MARKDOWN.has(extname(file).toLowerCase())) {
      const kind = isFolderIn(folder, file)
        ? 'a folder'
        : `not a Markdown file (${extname(file) || 'no extension'})`
      skip(file, `${kind}; only .md and .markdown files are imported`)
      continue
    }
    let text: string
    try {
      const read = readRunbookFile(folder, file)
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
