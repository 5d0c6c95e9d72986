import { Worker, type WorkerOptions } from 'node:worker_threads'
import { UserError } from '../domain/incident/errors'
import type { Backup, BackupProgress } from './backup'
import type { BackupWorker } from './ports'

/** What the backup worker (backup-unzip-worker.ts) sends back. */
export type WorkerAnswer =
  | { kind: 'progress'; progress: BackupProgress }
  | { kind: 'done'; backup: Backup }
  | { kind: 'error'; code: string; message: string }

export const cancelledImport = () =>
  new UserError('cancelled', 'The backup import was cancelled. Nothing was changed.')

/**
 * Reads backups in a worker thread running `script` (the built backup-unzip-worker.js): the
 * unpacking and the whole check, so the main thread only receives a checked backup. `options`
 * let a test run the TypeScript source.
 */
export function backupWorker(
  script: string | URL,
  options: Omit<WorkerOptions, 'workerData'> = {},
): BackupWorker {
  let current: { worker: Worker; reject(err: Error): void } | null = null
  return {
    read(path, onProgress) {
      current?.reject(cancelledImport())
      void current?.worker.terminate()
      return new Promise((resolve, reject) => {
        const worker = new Worker(script, { ...options, workerData: { path } })
        const mine = { worker, reject }
        current = mine
        const settle = () => {
          if (current === mine) current = null
          void worker.terminate()
        }
        worker.on('message', (answer: WorkerAnswer) => {
          if (answer.kind === 'progress') return onProgress(answer.progress)
          settle()
          if (answer.kind === 'done') resolve(answer.backup)
          else reject(new UserError(answer.code, answer.message))
        })
        worker.on('error', (err) => {
          settle()
          reject(err)
        })
        worker.on('exit', () => {
          if (current === mine) reject(cancelledImport())
          if (current === mine) current = null
        })
      })
    },
    cancel() {
      if (!current) return
      current.reject(cancelledImport())
      void current.worker.terminate()
      current = null
    },
  }
}
