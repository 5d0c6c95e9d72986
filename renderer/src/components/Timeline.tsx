import type { Incident } from '../../../electron/domain/incident'
import { formatLocalAndUtc } from '../time'

export function Timeline({ incident }: { incident: Incident }) {
  const items = [...incident.timeline].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      <ol className="timeline-list">
        {items.map((item) => (
          <li key={item.id} className={`timeline-item kind-${item.kind}`}>
            <time dateTime={item.at}>{formatLocalAndUtc(item.at)}</time>
            <span className="timeline-text">{item.text}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
