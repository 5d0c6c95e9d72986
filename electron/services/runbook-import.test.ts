import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tempDir } from '../testing/fixtures'
import { readRunbookFolder } from './runbook-import'

const dirs: { cleanup(): void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))

it.skipIf(process.platform === 'win32')(
  'skips a FIFO, a link out of the folder and an oversized file with a reason, without blocking',
  () => {
    const d = tempDir()
    dirs.push(d)
    const folder = join(d.dir, 'runbooks')
    const outside = join(d.dir, 'secret.md')
    mkdirSync(folder)
    writeFileSync(outside, '# Secret\n- do not read me\n')
    writeFileSync(join(folder, 'api.md'), '# API down\n## Steps\n- Check LB\n')
    // A FIFO named like a runbook: reading it would wait for a writer for ever.
    execFileSync('mkfifo', [join(folder, 'x.md')])
    symlinkSync(outside, join(folder, 'leak.md'))
    symlinkSync('/dev/zero', join(folder, 'zero.md'))
    symlinkSync(join(folder, 'api.md'), join(folder, 'same.md'))
    writeFileSync(join(folder, 'huge.md'), `# Huge\n${'x'.repeat(1_100_000)}`)

    const { report } = readRunbookFolder(folder)
    expect(report.imported.map((r) => r.file)).toEqual(['api.md', 'same.md'])
    expect(report.skipped).toEqual([
      { file: 'huge.md', reason: 'too large (1100 kB; a runbook is at most 1 MB)' },
      {
        file: 'leak.md',
        reason: 'a link to a file outside the folder; copy the file into the folder instead',
      },
      { file: 'x.md', reason: 'not a regular file (a pipe, socket or device)' },
      {
        file: 'zero.md',
        reason: 'a link to a file outside the folder; copy the file into the folder instead',
      },
    ])
  },
)
