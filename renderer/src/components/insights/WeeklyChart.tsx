import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { BarStack } from '@visx/shape'
import { severityLabel } from '../../../../electron/shared/format'
import type { SeverityScaleId } from '../../../../electron/shared/types'
import type { InsightsView as Data } from '../../../../electron/shared/history-contract'
import { DataTable, Legend, useWidth } from './charts'
import { plural } from '../../plural'

type WeekRow = { week: string } & Record<string, number>

const HEIGHT = 220
const MARGIN = { top: 10, right: 10, bottom: 30, left: 34 }
/** "11-23": the week's first day as ISO dates read, without the year the axis does not need. */
const weekLabel = (weekStart: string) => weekStart.slice(5)

/** Incidents per week, stacked by severity, with the figures in a table. */
export function WeeklyChart({ data, scale }: { data: Data; scale: SeverityScaleId }) {
  const [box, measured] = useWidth<HTMLDivElement>()
  const WIDTH = Math.max(320, measured)
  const levels = [
    ...new Set(data.perWeek.flatMap((w) => Object.keys(w.bySeverity).map(Number))),
  ].sort()
  const rows = data.perWeek.map((w) => ({
    week: w.weekStart,
    ...Object.fromEntries(levels.map((l) => [String(l), w.bySeverity[l] ?? 0])),
  })) as WeekRow[]
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
        aria-label={`${plural(total, 'incident')} in the last ${plural(data.weeks, 'week')}; details in the table below.`}
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          <WeeklyBars rows={rows} levels={levels} x={x} y={y} />
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

function WeeklyBars(props: {
  rows: WeekRow[]
  levels: number[]
  x: ReturnType<typeof scaleBand<string>>
  y: ReturnType<typeof scaleLinear<number>>
}) {
  const { rows, levels, x, y } = props
  return (
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
  )
}
