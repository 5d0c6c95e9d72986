import { Group } from '@visx/group'
import { scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { severityLabel } from '../../../../electron/shared/format'
import type { SeverityScaleId } from '../../../../electron/shared/types'

export function Card(props: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`insight-card${props.wide ? ' wide' : ''}`} aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  )
}

/** The figures behind a chart, for screen readers and for anyone who wants the numbers. */
export function DataTable(props: { caption: string; head: string[]; rows: (string | number)[][] }) {
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

/** The element's width in CSS pixels, so charts draw at 1:1 and their text stays readable. */
export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
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

export function Legend({ levels, scale }: { levels: number[]; scale: SeverityScaleId }) {
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

/** Labelled horizontal bars; an optional lighter bar behind each (a 90th percentile). */
export function HBars(props: {
  label: string
  rows: { label: string; value: number; p90?: number; text: string }[]
  max?: number
  empty: string
}) {
  const [box, measured] = useWidth<HTMLDivElement>()
  if (props.rows.length === 0) return <p className="hint">{props.empty}</p>
  const width = Math.max(280, measured)
  // Narrower than a label, a bar and its figures side by side: each row on three lines.
  const stacked = width < 520
  const rowH = stacked ? 58 : 28
  const labelW = stacked ? 0 : Math.min(170, Math.round(width * 0.3))
  const textW = stacked ? 0 : Math.min(340, Math.round(width * 0.42))
  const barW = width - labelW - textW
  const barY = stacked ? 20 : 6
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
            <text
              x={stacked ? 0 : labelW - 8}
              y={stacked ? 8 : rowH / 2}
              dy="0.35em"
              textAnchor={stacked ? 'start' : 'end'}
              className="chart-label"
            >
              {row.label}
            </text>
            {/* The whole scale, so a short or empty bar still reads as a bar (under a minute). */}
            <Bar x={labelW} y={barY} width={barW} height={16} className="bar track" />
            {row.p90 !== undefined && (
              <Bar x={labelW} y={barY} width={x(row.p90)} height={16} className="bar p90" />
            )}
            <Bar x={labelW} y={barY} width={x(row.value)} height={16} className="bar value" />
            <text
              x={stacked ? 0 : labelW + barW + 8}
              y={stacked ? 48 : rowH / 2}
              dy="0.35em"
              className="chart-value"
            >
              {row.text}
            </text>
          </Group>
        ))}
      </svg>
    </div>
  )
}
