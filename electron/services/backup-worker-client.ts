import { Worker } from 'node:worker_threads'
import { UserError } from '../domain/incident/errors'
import type { BackupUnzipper } from './ports'

/** What the unzip worker (backup-unzip-worker.ts) sends back. */
export type WorkerAnswer =
  | { kind: 'progress'; read: number; total: number }
  | { kind: 'done'; entries: [string, Uint8Array][] }
  | { kind: 'error'; code: string; message: string }

export const cancelledImport = () =>
  new UserError('cancelled', 'The backup import was cancelled. Nothing was changed.')

/** Unpacks backups in a worker thread running `script` (the built backup-unzip-worker.js). */
export function workerUnzipper(script: string): BackupUnzipper {
  let current: { worker: Worker; reject(err: Error): void } | null = null
  return {
    unzip(path, onProgress) {
      current?.reject(cancelledImport())
      void current?.worker.terminate()
      return new Promise((resolve, reject) => {
        const worker = new Worker(script, { workerData: { path } })
        const mine = { worker, reject }
        current = mine
        const settle = () => {
          if (current === mine) current = null
          void worker.terminate()
        }
        worker.on('message', (answer: WorkerAnswer) => {
          if (answer.kind === 'progress') return onProgress(answer.read, answer.total)
          settle()
          if (answer.kind === 'done') resolve(new Map(answer.entries))
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
