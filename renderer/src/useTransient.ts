import { useCallback, useEffect, useState } from 'react'

/** How long a confirmation ("Caption added.", "Copied the Slack message.") stays on screen. */
export const TRANSIENT_MS = 5_000

type Shown = { text: string; until: number | null }

/**
 * A message that goes away by itself: a confirmation after `TRANSIENT_MS` (or `ms`, say the
 * minute an Undo beside it is offered), replaced by the next one, cleared with `say(null)`.
 * An error passes `ms: null` and stays until the next message: it asks something of the user.
 * Show it in a live region that is always in the page (`LiveMessage`), so it is announced once.
 */
export function useTransient() {
  const [shown, setShown] = useState<Shown | null>(null)
  useEffect(() => {
    if (!shown || shown.until === null) return
    // On the page's clock: the e2e harness moves it with the host's.
    const handle = setTimeout(() => setShown(null), shown.until)
    return () => clearTimeout(handle)
  }, [shown])
  const say = useCallback((text: string | null, ms: number | null = TRANSIENT_MS) => {
    setShown(text === null ? null : { text, until: ms })
  }, [])
  return [shown?.text ?? null, say] as const
}
