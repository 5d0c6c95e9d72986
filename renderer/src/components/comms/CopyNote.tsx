import type { useCopyOutput } from './useCopyOutput'

/** What the last copy did, with Undo while a copy that counted as posted can be taken back. */
export function CopyNote({
  copying,
  className,
  status = false,
}: {
  copying: Pick<ReturnType<typeof useCopyOutput>, 'message' | 'undo'>
  className: string
  /** The region's one status (the panel); the header's countdown has its own. */
  status?: boolean
}) {
  const { undo } = copying
  return (
    <span className={className} role={status ? 'status' : undefined} aria-live="polite">
      {copying.message}
      {undo && (
        <>
          {' '}
          <button type="button" className="small" onClick={() => void undo()}>
            Undo
          </button>
        </>
      )}
    </span>
  )
}
