import { formatTime, type TimeZoneChoice } from './view'

/**
 * Lets the browser report when timeline rows were first painted (the Element Timing API, which
 * reports text only of the element that carries the mark: so the span holding the text has it).
 */
const PAINT_MARK: Record<string, string> = { elementtiming: 'timeline-row' }

/**
 * When a timeline row happened: "14:02" today, "Tue 2023-10-03 14:02" another day. The parts of
 * a date are spans, so a narrow time column shows the date on one line and "Tue 14:02" below:
 * the rows of a multi-day incident stay two lines instead of three.
 */
export function EntryTime(props: { at: string; zone: TimeZoneChoice; title?: string }) {
  const text = formatTime(props.at, props.zone)
  const dated = /^(\S+) (\d{4}-\d{2}-\d{2}) (.+)$/.exec(text)
  return (
    <time dateTime={props.at} title={props.title}>
      {dated ? (
        <>
          <span className="entry-weekday">{dated[1]}</span>{' '}
          <span className="entry-date">{dated[2]}</span>{' '}
          <span className="entry-clock" {...PAINT_MARK}>
            {dated[3]}
          </span>
        </>
      ) : (
        <span {...PAINT_MARK}>{text}</span>
      )}
    </time>
  )
}
