/** What every IPC call returns: errors travel as data so their message reaches the user intact. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export interface AppError {
  /** Stable, for code: 'invalid-input', 'invalid-move', 'not-found', 'internal', ... */
  code: string
  /** For people: says what is wrong and what to do. */
  message: string
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** A write the disk refused (full, file size limit, I/O error): nothing was saved, retrying may work. */
export const STORAGE_ERRORS: ReadonlySet<string> = new Set(['disk-full', 'disk-error'])
