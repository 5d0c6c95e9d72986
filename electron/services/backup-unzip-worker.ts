/**
 * The worker thread that reads a backup (built as out/main/backup-unzip-worker.js): unpacking and
 * checking every incident of a large archive here keeps the main process, and so every window,
 * responsive, and Cancel can stop it at any moment by ending the thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../domain/incident/errors'
import { readFileBytes } from '../store/backup-files'
import { readBackup, type BackupProgress } from './backup-check'
import type { WorkerAnswer } from './backup-worker-client'

const port = parentPort!
const { path } = workerData as { path: string }
const post = (answer: WorkerAnswer) => port.postMessage(answer)

try {
  let reported = 0
  const backup = readBackup(readFileBytes(path), (progress: BackupProgress) => {
    if (progress.phase === 'checking') return post({ kind: 'progress', progress })
    // About a hundred messages for a whole archive, whatever its size.
    const { read, total } = progress
    if (read === total || read - reported >= total / 100) {
      reported = read
      post({ kind: 'progress', progress })
    }
  })
  post({ kind: 'done', backup })
} catch (err) {
  post({
    kind: 'error',
    code: err instanceof UserError ? err.code : 'failed',
    message: err instanceof Error ? err.message : String(err),
  })
}
