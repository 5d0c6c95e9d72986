import { useState, type FormEvent } from 'react'
import type { IncidentView } from '../../../../electron/domain/incident'
import type { ThirdParty } from '../../../../electron/domain/mitigation/mitigation'
import { api } from '../../api'
import { formatLocalAndUtc } from '../../time'
import { useApiCall } from '../../useApiCall'
import { FormError, RegisterCard } from '../common/RegisterCard'

/** Third parties contacted: who, how, when, their reference and answer. */
export function PartiesRegister({ incident }: { incident: IncidentView }) {
  const [who, setWho] = useState('')
  const [channel, setChannel] = useState('')
  const [reference, setReference] = useState('')
  const [adding, setAdding] = useState(false)
  const { error, busy, run } = useApiCall()
  const waiting = incident.parties.filter((p) => !p.answer).length
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(() => api.party.add({ id: incident.id, who, channel, reference }))
    if (done) {
      setWho('')
      setChannel('')
      setReference('')
      setAdding(false)
    }
  }
  return (
    <RegisterCard
      add={adding ? undefined : { label: 'Contacted someone', onClick: () => setAdding(true) }}
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
      {adding && (
        <form className="register-form" onSubmit={(e) => void add(e)}>
          <input
            aria-label="Who"
            placeholder="Who, e.g. Cloudflare"
            value={who}
            onChange={(e) => setWho(e.target.value)}
          />
          <input
            aria-label="Channel"
            placeholder="Channel: ticket, email…"
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
          />
          <input
            aria-label="Their reference"
            placeholder="Their reference"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Contacted
          </button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
      <FormError message={error} />
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
