import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar, BarStack } from '@visx/shape'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { Spread } from '../../../../electron/domain/insights'
import { severityLabel, type SeverityScaleId } from '../../../../electron/domain/incident/severity'
import type { InsightsView as Data } from '../../../../electron/shared/history-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { formatDuration } from '../../time'
import './InsightsView.css'

const WEEK_CHOICES = [4, 12, 26, 52] as const

/** Are we getting better? Incidents per week, time to stabilize and resolve, punctuality, leads. */
export function InsightsView() {
  const scale = useApp((s) => s.snapshot?.settings.severityScale ?? 'openverse')
  // Re-read when incidents change (the snapshot is replaced on every change).
  const snapshot = useApp((s) => s.snapshot)
  const openIncident = useApp((s) => s.openIncident)
  const [weeks, setWeeks] = useState<number>(12)
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

  return (
    <main className="page insights" aria-labelledby="insights-title">
      <div className="page-head">
        <h2 id="insights-title">Insights</h2>
        <label className="field inline">
          <span className="label">Weeks shown</span>
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                Last {w} weeks
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
          <Card title={`Who led, last ${data.leadDays} days`}>
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
            {data.recurring.length === 0 ? (
              <p className="hint">No incident has happened again after 48 hours.</p>
            ) : (
              <ul className="recurring-list">
                {data.recurring.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link" onClick={() => openIncident(r.id)}>
                      {r.title}
                    </button>{' '}
                    <span className="hint">
                      {new Date(r.recordedAt).toLocaleDateString()}, recurrence of{' '}
                    </span>
                    <button
                      type="button"
                      className="link"
                      onClick={() => openIncident(r.recurrenceOf.id)}
                    >
                      {r.recurrenceOf.title}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
      {data && data.incidents > 0 && (
        <p className="hint">
          From {data.incidents.toLocaleString()} incidents. Times run from detection; severity is
          each incident’s current level. An update is on time when it came within the cadence set in
          Settings → Update cadence.
        </p>
      )}
    </main>
  )
}

function Card(props: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`insight-card${props.wide ? ' wide' : ''}`} aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  )
}

/** The figures behind a chart, for screen readers and for anyone who wants the numbers. */
function DataTable(props: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (i === 0 ? <th key={i}>{cell}</th> : <td key={i}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

const HEIGHT = 220
const MARGIN = { top: 10, right: 10, bottom: 30, left: 34 }
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const weekLabel = (weekStart: string) => shortDay.format(new Date(`${weekStart}T00:00:00Z`))

/** The element's width in CSS pixels, so charts draw at 1:1 and their text stays readable. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

function WeeklyChart({ data, scale }: { data: Data; scale: SeverityScaleId }) {
  const [box, measured] = useWidth<HTMLDivElement>()
  const WIDTH = Math.max(320, measured)
  const levels = [
    ...new Set(data.perWeek.flatMap((w) => Object.keys(w.bySeverity).map(Number))),
  ].sort()
  const rows = data.perWeek.map((w) => ({
    week: w.weekStart,
    ...Object.fromEntries(levels.map((l) => [String(l), w.bySeverity[l] ?? 0])),
  })) as ({ week: string } & Record<string, number>)[]
  const innerW = WIDTH - MARGIN.left - MARGIN.right
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom
  const max = Math.max(1, ...data.perWeek.map((w) => w.total))
  const x = scaleBand({ domain: rows.map((r) => r.week), range: [0, innerW], padding: 0.25 })
  const y = scaleLinear({ domain: [0, max], range: [innerH, 0], nice: true })
  const total = data.perWeek.reduce((n, w) => n + w.total, 0)
  // One label per ~70 px, so week labels never collide.
  const every = Math.max(1, Math.ceil(rows.length / Math.floor(innerW / 70)))
  return (
    <div ref={box}>
      <Legend levels={levels} scale={scale} />
      <svg
        width={WIDTH}
        height={HEIGHT}
        className="chart"
        role="img"
        aria-label={`${total} incidents in the last ${data.weeks} weeks; details in the table below.`}
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          <BarStack
            data={rows}
            keys={levels.map(String)}
            x={(r) => r.week}
            xScale={x}
            yScale={y}
            color={() => ''}
          >
            {(stacks) =>
              stacks.map((stack) =>
                stack.bars.map((bar) =>
                  bar.height > 0 ? (
                    <rect
                      key={`${stack.index}-${bar.index}`}
                      x={bar.x}
                      y={bar.y}
                      width={bar.width}
                      height={bar.height}
                      className={`bar sev-${Math.min(Number(stack.key), 4)}`}
                    />
                  ) : null,
                ),
              )
            }
          </BarStack>
          <AxisLeft
            scale={y}
            numTicks={Math.min(max, 5)}
            tickFormat={(v) => String(v)}
            axisClassName="axis"
          />
          <AxisBottom
            top={innerH}
            scale={x}
            tickFormat={(w) =>
              rows.findIndex((r) => r.week === w) % every === 0 ? weekLabel(w) : ''
            }
            axisClassName="axis"
          />
        </Group>
      </svg>
      <DataTable
        caption="Incidents per week (weeks start Monday, UTC)"
        head={['Week of', ...levels.map((l) => severityLabel(scale, l)), 'Total']}
        rows={data.perWeek.map((w) => [
          weekLabel(w.weekStart),
          ...levels.map((l) => w.bySeverity[l] ?? 0),
          w.total,
        ])}
      />
    </div>
  )
}

function Legend({ levels, scale }: { levels: number[]; scale: SeverityScaleId }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {levels.map((l) => (
        <li key={l}>
          <span className={`swatch sev-${Math.min(l, 4)}`} /> {severityLabel(scale, l)}
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
        <span className="hint">
          ({p.onTime} of {p.posted} updates)
        </span>
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

/** Labelled horizontal bars; an optional lighter bar behind each (a 90th percentile). */
function HBars(props: {
  label: string
  rows: { label: string; value: number; p90?: number; text: string }[]
  max?: number
  empty: string
}) {
  const [box, measured] = useWidth<HTMLDivElement>()
  if (props.rows.length === 0) return <p className="hint">{props.empty}</p>
  const width = Math.max(320, measured)
  const rowH = 28
  const labelW = Math.min(170, Math.round(width * 0.3))
  const textW = Math.min(340, Math.round(width * 0.42))
  const barW = width - labelW - textW
  const max = props.max ?? Math.max(1e-9, ...props.rows.map((r) => Math.max(r.value, r.p90 ?? 0)))
  const x = scaleLinear({ domain: [0, max], range: [0, barW] })
  return (
    <div ref={box}>
      <svg
        width={width}
        height={props.rows.length * rowH}
        className="chart hbars"
        role="img"
        aria-label={`${props.label}: ${props.rows.map((r) => `${r.label} ${r.text}`).join('; ')}`}
      >
        {props.rows.map((row, i) => (
          <Group key={row.label} top={i * rowH}>
            <text x={labelW - 8} y={rowH / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {row.label}
            </text>
            {row.p90 !== undefined && (
              <Bar x={labelW} y={6} width={x(row.p90)} height={rowH - 12} className="bar p90" />
            )}
            <Bar x={labelW} y={6} width={x(row.value)} height={rowH - 12} className="bar value" />
            <text x={labelW + barW + 8} y={rowH / 2} dy="0.35em" className="chart-value">
              {row.text}
            </text>
          </Group>
        ))}
      </svg>
    </div>
  )
}
