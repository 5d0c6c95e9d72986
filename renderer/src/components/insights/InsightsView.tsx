import { useEffect, useState } from 'react'
import { severityLabel } from '../../../../electron/shared/format'
import type { Spread, SeverityScaleId } from '../../../../electron/shared/types'
import type { InsightsView as Data } from '../../../../electron/shared/history-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatDay, formatDuration } from '../../time'
import { Card, DataTable, HBars } from './charts'
import { WeeklyChart } from './WeeklyChart'
import './InsightsView.css'
import { plural, pluralOf } from '../../plural'

const WEEK_CHOICES = [4, 12, 26, 52] as const

/** Are we getting better? Incidents per week, time to stabilize and resolve, punctuality, leads. */
export function InsightsView() {
  const scale = useApp((s) => s.snapshot?.settings.severityScale ?? 'openverse')
  // Re-read when incidents change (the snapshot is replaced on every change).
  const snapshot = useApp((s) => s.snapshot)
  const openIncident = useApp((s) => s.openIncident)
  const [weeks, setWeeks] = useState<number>(12)
  const { data, error } = useInsights(weeks, snapshot)

  return (
    <main className="page insights" aria-labelledby="insights-title">
      <div className="page-head">
        <h2 id="insights-title">Insights</h2>
        <label className="field inline">
          <span className="label">Weeks shown</span>
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                Last {plural(w, 'week')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {!data ? (
        !error && <p className="hint">Counting…</p>
      ) : data.incidents === 0 ? (
        <p className="history-empty">No incidents yet: the charts fill in as you record them.</p>
      ) : (
        <div className="insight-grid">
          <Card title="Incidents per week, by severity" wide>
            <WeeklyChart data={data} scale={scale} />
          </Card>
          <Card title="Time to stabilize and to resolve" wide>
            <DurationsChart data={data} scale={scale} />
          </Card>
          <Card title="Status updates posted on time">
            <Punctuality data={data} scale={scale} />
          </Card>
          <Card title={`Who led, last ${plural(data.leadDays, 'day')}`}>
            <HBars
              label="Incidents led"
              rows={data.leads.map((l) => ({
                label: l.lead || 'No lead',
                value: l.incidents,
                text: String(l.incidents),
              }))}
              empty="No incidents in the last 90 days."
            />
          </Card>
          <Card title="Recurring incidents">
            <RecurringList recurring={data.recurring} onOpen={openIncident} />
          </Card>
        </div>
      )}
      {data && data.incidents > 0 && (
        <p className="hint">
          From {plural(data.incidents, 'incident')}. Times run from detection; severity is each
          incident’s current level. An update is on time when it came within the cadence set in
          Settings → Update cadence.
        </p>
      )}
    </main>
  )
}

/** The host's figures for the chosen weeks, asked again when incidents change. */
function useInsights(weeks: number, snapshot: unknown) {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    void api.insights.get({ weeks }).then((result) => {
      if (!current) return
      if (result.ok) {
        setData(result.value)
        setError(null)
      } else setError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [weeks, snapshot])

  return { data, error }
}

function RecurringList(props: { recurring: Data['recurring']; onOpen: (id: string) => void }) {
  const { recurring } = props
  if (recurring.length === 0)
    return <p className="hint">No incident has happened again after 48 hours.</p>
  return (
    <ul className="recurring-list">
      {recurring.map((r) => (
        <li key={r.id}>
          <button type="button" className="link" onClick={() => props.onOpen(r.id)}>
            {r.title}
          </button>{' '}
          <span className="hint">{formatDay(r.recordedAt)}, recurrence of </span>
          <button type="button" className="link" onClick={() => props.onOpen(r.recurrenceOf.id)}>
            {r.recurrenceOf.title}
          </button>
        </li>
      ))}
    </ul>
  )
}

const minutes = (m: number) => formatDuration(m * 60_000)
const spreadText = (s: Spread | null) =>
  s ? `median ${minutes(s.median)} · 90% within ${minutes(s.p90)} (n=${s.n})` : 'none yet'

function DurationsChart({ data, scale }: { data: Data; scale: SeverityScaleId }) {
  const rows = data.durations.flatMap((d) => [
    {
      label: `${severityLabel(scale, d.severity)}: stabilize`,
      value: d.stabilize?.median ?? 0,
      p90: d.stabilize?.p90 ?? 0,
      text: spreadText(d.stabilize),
    },
    {
      label: `${severityLabel(scale, d.severity)}: resolve`,
      value: d.resolve?.median ?? 0,
      p90: d.resolve?.p90 ?? 0,
      text: spreadText(d.resolve),
    },
  ])
  return (
    <>
      <HBars label="Time from detection" rows={rows} empty="No incident stabilized yet." />
      <p className="hint">Dark: median. Light: the time 90% of incidents stayed within.</p>
      <DataTable
        caption="Time from detection"
        head={[
          'Severity',
          'Incidents',
          'Stabilize: median',
          'Stabilize: 90%',
          'Resolve: median',
          'Resolve: 90%',
        ]}
        rows={data.durations.map((d) => [
          severityLabel(scale, d.severity),
          d.count,
          d.stabilize ? minutes(d.stabilize.median) : '–',
          d.stabilize ? minutes(d.stabilize.p90) : '–',
          d.resolve ? minutes(d.resolve.median) : '–',
          d.resolve ? minutes(d.resolve.p90) : '–',
        ])}
      />
    </>
  )
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)

function Punctuality({ data, scale }: { data: Data; scale: SeverityScaleId }) {
  const p = data.punctuality
  if (p.posted === 0) return <p className="hint">No status update posted yet.</p>
  return (
    <>
      <p className="big-figure">
        <strong>{percent(p.share)}</strong> on time{' '}
        <span className="hint">({pluralOf(p.onTime, p.posted, 'update')})</span>
      </p>
      <HBars
        label="Share on time"
        max={1}
        rows={p.bySeverity.map((s) => ({
          label: severityLabel(scale, s.severity),
          value: s.share ?? 0,
          text: `${percent(s.share)} (${s.onTime} of ${s.posted})`,
        }))}
        empty=""
      />
    </>
  )
}
