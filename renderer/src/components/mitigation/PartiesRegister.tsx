import { useState, type FormEvent } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { ThirdParty } from '../../../../electron/shared/types'
import { api } from '../../api'
import { formatLocalAndUtc } from '../../time'
import { useApiCall } from '../../useApiCall'
import { FormError, RegisterCard } from '../common/RegisterCard'
import { RegisterForm } from '../common/RegisterForm'
import { useRegisterForm } from '../common/useRegisterForm'

const FIELDS = [
  { key: 'who', label: 'Who', placeholder: 'Who, e.g. Cloudflare' },
  { key: 'channel', label: 'Channel', placeholder: 'Channel: ticket, email…' },
  { key: 'reference', label: 'Their reference', placeholder: 'Their reference' },
] as const

/** Third parties contacted: who, how, when, their reference and answer. */
export function PartiesRegister({ incident }: { incident: IncidentViewModel }) {
  const form = useRegisterForm(() => ({ who: '', channel: '', reference: '' }))
  const waiting = incident.parties.filter((p) => !p.answer).length
  return (
    <RegisterCard
      add={form.addButton('Contacted someone')}
      title="Third parties"
      quiet={
        incident.parties.length
          ? waiting
            ? `${waiting} awaiting an answer`
            : `${incident.parties.length} answered`
          : 'none'
      }
    >
      <ul className="register-list">
        {incident.parties.map((p) => (
          <PartyItem key={p.id} incidentId={incident.id} party={p} />
        ))}
      </ul>
      {form.adding && (
        <RegisterForm
          form={form}
          fields={FIELDS}
          submitLabel="Contacted"
          onSubmit={() => void form.save(() => api.party.add({ id: incident.id, ...form.values }))}
        />
      )}
      <FormError message={form.error} />
    </RegisterCard>
  )
}

function PartyItem({ incidentId, party }: { incidentId: string; party: ThirdParty }) {
  const [answer, setAnswer] = useState('')
  const [editing, setEditing] = useState(false)
  const { error, busy, run } = useApiCall()
  const save = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() => api.party.update({ id: incidentId, partyId: party.id, answer }))
    if (done) setEditing(false)
  }
  return (
    <li className="register-item">
      <div className="register-main">
        <strong>{party.who}</strong>
        <span className="register-meta">
          via {party.channel}, {formatLocalAndUtc(party.contactedAt)}
          {party.reference && ` · ref ${party.reference}`}
          {party.answer ? ` · answer: ${party.answer}` : ' · no answer yet'}
        </span>
      </div>
      {editing ? (
        <form className="register-inline" onSubmit={(e) => void save(e)}>
          <input
            autoFocus
            aria-label={`Answer from ${party.who}`}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Save
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          Answer…
        </button>
      )}
      <FormError message={error} />
    </li>
  )
}
