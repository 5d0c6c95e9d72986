import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { api } from '../../api'
import { FormDialog } from '../common/FormDialog'
import { backDate } from '../timeline/view'

/** "Posted…": an update posted another way goes on the timeline; the countdown runs from it. */
export function PostUpdateDialog({
  incident,
  onClose,
}: {
  incident: IncidentViewModel
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [when, setWhen] = useState('')
  return (
    <FormDialog
      title="Posted an update"
      hint="For updates posted another way (copying the status comment counts by itself). Paste what you posted and when: it goes on the timeline and the countdown runs from that time."
      submitLabel="Record the update"
      onClose={onClose}
      onSubmit={async () => {
        const postedAt = when.trim() ? backDate(when, 'utc', Date.now()) : undefined
        if (when.trim() && !postedAt) {
          return '“Posted at” takes a UTC time like 14:02 or a date and time like 2023-10-03 23:50 (not in the future), or leave it empty for now.'
        }
        const result = await api.update.post({ id: incident.id, text, postedAt })
        return result.ok ? null : result.error.message
      }}
    >
      <label className="field">
        <span className="label">The update</span>
        <textarea autoFocus rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Posted at (UTC)</span>
        <input
          value={when}
          placeholder="now, or 14:02, or 2023-10-03 23:50"
          onChange={(e) => setWhen(e.target.value)}
        />
      </label>
    </FormDialog>
  )
}
