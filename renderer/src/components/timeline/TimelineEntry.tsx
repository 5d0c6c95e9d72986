import type { ShownItem } from '../../../../electron/shared/types'
import { useClockStyle } from '../../time'
import type { TimeZoneChoice } from './view'
import { AudienceToggle } from './AudienceToggle'
import { EntryTime } from './EntryTime'
import { UserEntry } from './UserEntry'
import { P2CommentItem } from './P2CommentItem'
import './TimelineEntry.css'
/** One row of the timeline: a lifecycle item, or an entry someone wrote. */
export function TimelineEntry(props: {
  incidentId: string
  /** The item with its audience and secrets, as the host worked them out. */
  item: ShownItem
  zone: TimeZoneChoice
}) {
  const { item, zone } = props
  useClockStyle()
  if (item.kind === 'lifecycle') {
    return (
      <div className={`entry${item.audience === 'internal' ? ' internal' : ''}`}>
        <EntryTime at={item.at} zone={zone} />
        <div className="entry-body">
          {item.p2 ? (
            <P2CommentItem incidentId={props.incidentId} item={{ ...item, p2: item.p2 }} />
          ) : (
            <span className="timeline-text">{item.text}</span>
          )}{' '}
          {!item.meta && (
            <AudienceToggle
              incidentId={props.incidentId}
              itemId={item.id}
              audience={item.audience}
            />
          )}
        </div>
      </div>
    )
  }
  return <UserEntry incidentId={props.incidentId} entry={item} zone={zone} />
}
