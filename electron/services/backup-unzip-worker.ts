/**
 * The worker thread that unpacks a backup (built as out/main/backup-unzip-worker.js): reading and
 * inflating a large archive here keeps the main process, and so every window, responsive, and
 * Cancel can stop it at once by ending the thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../domain/incident/errors'
import { readFileBytes } from '../store/backup-files'
import { unzipBackup } from './backup-unzip'
import type { WorkerAnswer } from './backup-worker-client'

const port = parentPort!
const { path } = workerData as { path: string }
const post = (answer: WorkerAnswer) => port.postMessage(answer)

try {
  let reported = 0
  const files = unzipBackup(readFileBytes(path), {
    onProgress: (read, total) => {
      // About a hundred messages for a whole archive, whatever its size.
      if (read === total || read - reported >= total / 100) {
        reported = read
        post({ kind: 'progress', read, total })
      }
    },
  })
  post({ kind: 'done', entries: [...files] })
} catch (err) {
  post({
    kind: 'error',
    code: err instanceof UserError ? err.code : 'failed',
    message: err instanceof Error ? err.message : String(err),
  })
}
