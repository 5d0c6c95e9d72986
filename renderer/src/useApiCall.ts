import { useState } from 'react'
import type { Result } from '../../electron/shared/result'

/** Runs one host call for a form: remembers its error message (as written) and whether it runs. */
export function useApiCall() {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async <T>(call: () => Promise<Result<T>>): Promise<T | undefined> => {
    setBusy(true)
    setError(null)
    try {
      const result = await call()
      if (result.ok) return result.value
      setError(result.error.message)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { error, busy, run, setError }
}
