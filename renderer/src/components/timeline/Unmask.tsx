import { useState } from 'react'
import { api } from '../../api'
import { FormDialog } from '../common/FormDialog'
import { plural } from '../../plural'

type HostResult = { ok: boolean; error?: { message: string } }
type EntryRef = { incidentId: string; entryId: string }

/**
 * "Unmask in exports": showing a secret where the team reads it is a deliberate act, so it is
 * confirmed first, in words that say where the secret will go.
 */
export function UnmaskButton(props: { count: number; target: EntryRef }) {
  const [asking, setAsking] = useState(false)
  const count = props.count
  const it = count === 1 ? 'It' : 'They'
  return (
    <>
      <button
        type="button"
        className="link"
        title="Secrets are masked in every copy and export unless you unmask this entry"
        onClick={() => setAsking(true)}
      >
        Unmask in exports
      </button>
      {asking && (
        <FormDialog
          title={count === 1 ? 'Unmask this secret?' : `Unmask ${plural(count, 'secret')}?`}
          hint={`${it} will appear in copies, posts and exports: every status comment, post and report made from this incident will show ${count === 1 ? 'it' : 'them'} in full, to everyone who reads them.`}
          submitLabel="Unmask"
          onClose={() => setAsking(false)}
          onSubmit={async () => {
            const result = await api.timeline.unmask({ ...props.target, unmasked: true })
            return result.ok ? null : result.error.message
          }}
        >
          <p className="unmask-keep">Keep it masked unless the team must see the value itself.</p>
        </FormDialog>
      )}
    </>
  )
}

/** On an unmasked entry: says plainly that its secret will be published; one click masks it. */
export function UnmaskedWarning(props: {
  /** How many secrets the entry holds (only such entries offer unmasking). */
  count: number
  target: EntryRef
  run: (call: Promise<HostResult>) => Promise<void>
}) {
  const count = props.count
  return (
    <p className="unmasked-warning">
      <strong>Unmasked:</strong> {count === 1 ? 'this secret' : `these ${plural(count, 'secret')}`}{' '}
      will be published in copies, posts and exports.{' '}
      <button
        type="button"
        className="small"
        onClick={() => void props.run(api.timeline.unmask({ ...props.target, unmasked: false }))}
      >
        Mask again
      </button>
    </p>
  )
}
