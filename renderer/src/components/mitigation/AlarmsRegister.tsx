import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import type { SilencedAlarm as Alarm } from '../../../../electron/shared/types'
import { api } from '../../api'
import { formatDuration, formatLocalAndUtc, useNow } from '../../time'
import { FormError, RegisterCard } from '../common/RegisterCard'
import { RegisterForm } from '../common/RegisterForm'
import { useRegisterForm } from '../common/useRegisterForm'
import { ExternalLink } from './ExternalLink'
import { useRunbookProposals } from './useRunbookProposals'

const FIELDS = [
  { key: 'name', label: 'Alarm name', placeholder: 'Alarm you silenced, e.g. API 5xx' },
  { key: 'link', label: 'Alarm link', placeholder: 'https://… (optional)' },
] as const

/** Silenced alarms with a one-click "Re-enabled"; typing a covered alarm proposes its runbook. */
export function AlarmsRegister({ incident }: { incident: IncidentViewModel }) {
  const now = useNow()
  const form = useRegisterForm(() => ({ name: '', link: '' }))
  const { busy, run } = form
  const silenced = incident.alarms.filter((a) => incident.silencedAlarmIds.includes(a.id))
  const proposals = useRunbookProposals(form.values.name, !incident.runbook)
  const reenable = (alarm: Alarm) =>
    void run(() => api.alarm.reenable({ id: incident.id, alarmId: alarm.id }))
  return (
    <RegisterCard
      add={form.addButton('Silenced an alarm')}
      title="Silenced alarms"
      open={silenced.length ? `${silenced.length} still silenced` : undefined}
      quiet={incident.alarms.length ? 'all re-enabled' : 'none'}
    >
      <ul className="register-list">
        {incident.alarms.map((alarm) => (
          <AlarmItem
            key={alarm.id}
            alarm={alarm}
            silenced={incident.silencedAlarmIds.includes(alarm.id)}
            now={now}
            busy={busy}
            onReenable={reenable}
          />
        ))}
      </ul>
      {form.adding && (
        <RegisterForm
          form={form}
          fields={FIELDS}
          submitLabel="Silenced"
          onSubmit={() =>
            void form.save(() => api.alarm.silence({ id: incident.id, ...form.values }))
          }
        />
      )}
      {proposals.map((runbook) => (
        <p key={runbook.id} className="proposal" role="status">
          Runbook “{runbook.title}” covers this alarm.{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              void run(() => api.runbook.link({ id: incident.id, runbookId: runbook.id }))
            }
          >
            Link “{runbook.title}”
          </button>
        </p>
      ))}
      <FormError message={form.error} />
    </RegisterCard>
  )
}

function AlarmItem(props: {
  alarm: Alarm
  /** Not re-enabled yet (the host says: incident:view). */
  silenced: boolean
  now: number
  busy: boolean
  onReenable: (alarm: Alarm) => void
}) {
  const { alarm, now } = props
  return (
    <li className={props.silenced ? 'register-item open' : 'register-item'}>
      <div className="register-main">
        <strong>
          <ExternalLink href={alarm.link}>{alarm.name}</ExternalLink>
        </strong>
        <span className="register-meta" title={formatLocalAndUtc(alarm.silencedAt)}>
          {alarm.reenabledAt
            ? `✓ re-enabled ${formatLocalAndUtc(alarm.reenabledAt)} by ${alarm.reenabledBy}`
            : `silenced ${formatDuration(now - Date.parse(alarm.silencedAt))} ago by ${alarm.silencedBy}`}
        </span>
      </div>
      {props.silenced && (
        <button
          type="button"
          aria-label={`Re-enabled “${alarm.name}”`}
          disabled={props.busy}
          onClick={() => props.onReenable(alarm)}
        >
          Re-enabled
        </button>
      )}
    </li>
  )
}
