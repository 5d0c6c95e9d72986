import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { Followup } from '../../../../electron/shared/types'
import { api } from '../../api'
import { FormError, RegisterCard } from '../common/RegisterCard'
import { RegisterForm } from '../common/RegisterForm'
import { useRegisterForm } from '../common/useRegisterForm'
import { ExternalLink } from './ExternalLink'

const FIELDS = [
  { key: 'title', label: 'Follow-up title', placeholder: 'Follow-up issue title' },
  { key: 'url', label: 'Follow-up URL', placeholder: 'https://github.com/… (optional)' },
] as const

/** Follow-up issues; "critical" is proposed for severity 1 and 2 stabilization work. */
export function FollowupsRegister({ incident }: { incident: IncidentViewModel }) {
  const form = useRegisterForm(() => ({
    title: '',
    url: '',
    critical: incident.proposeCritical,
  }))
  const open = incident.followups.filter((f) => !f.done).length
  const setDone = (followupId: string, done: boolean) =>
    void form.run(() => api.followup.update({ id: incident.id, followupId, done }))
  return (
    <RegisterCard
      add={form.addButton('Follow-up issue')}
      title="Follow-up issues"
      quiet={incident.followups.length ? `${open} open` : 'none'}
    >
      <ul className="register-list">
        {incident.followups.map((f) => (
          <FollowupItem key={f.id} followup={f} busy={form.busy} onDone={setDone} />
        ))}
      </ul>
      {form.adding && (
        <RegisterForm
          form={form}
          fields={FIELDS}
          submitLabel="Add"
          onSubmit={() =>
            void form.save(() => api.followup.add({ id: incident.id, ...form.values }))
          }
          after={
            <label className="check">
              <input
                type="checkbox"
                checked={form.values.critical}
                onChange={(e) => form.set('critical', e.target.checked)}
              />
              Critical
            </label>
          }
        />
      )}
      <FormError message={form.error} />
    </RegisterCard>
  )
}

function FollowupItem(props: {
  followup: Followup
  busy: boolean
  onDone: (followupId: string, done: boolean) => void
}) {
  const f = props.followup
  return (
    <li className="register-item">
      <label className="register-main check">
        <input
          type="checkbox"
          checked={f.done}
          disabled={props.busy}
          onChange={(e) => props.onDone(f.id, e.target.checked)}
        />
        <span className={f.done ? 'done' : undefined}>
          <ExternalLink href={f.url}>{f.title}</ExternalLink>
        </span>
        {f.critical && <span className="badge sev-1">critical</span>}
      </label>
    </li>
  )
}
