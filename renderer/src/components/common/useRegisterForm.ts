import { useState } from 'react'
import type { Result } from '../../../../electron/shared/result'
import { useApiCall } from '../../useApiCall'

/**
 * The state of a register's add form: its values, whether it is open, the host call's error.
 * `save` runs a host call and, when it succeeds, empties the form (but the `keep` fields) and
 * closes it.
 */
export function useRegisterForm<V extends Record<string, string | boolean>>(
  initial: () => V,
  keep: readonly (keyof V)[] = [],
) {
  const [values, setValues] = useState(initial)
  const [adding, setAdding] = useState(false)
  const call = useApiCall()
  const set = <K extends keyof V>(key: K, value: V[K]) =>
    setValues((prev) => ({ ...prev, [key]: value }))
  const save = async (host: () => Promise<Result<unknown>>) => {
    const done = await call.run(host)
    if (!done) return
    setValues((prev) => {
      const next = initial()
      for (const key of keep) next[key] = prev[key]
      return next
    })
    setAdding(false)
  }
  /** The "+ Add" button of the register's heading, hidden while the form is open. */
  const addButton = (label: string) =>
    adding ? undefined : { label, onClick: () => setAdding(true) }
  return { ...call, values, set, adding, setAdding, save, addButton }
}

export type RegisterFormState<V extends Record<string, string | boolean>> = ReturnType<
  typeof useRegisterForm<V>
>
