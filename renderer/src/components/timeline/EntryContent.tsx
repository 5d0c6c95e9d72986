import { useState } from 'react'
import { ACTION_LABELS } from '../../../../electron/shared/format'
import type { Entry, EntryContent, SecretMatch } from '../../../../electron/shared/types'
import { formatTime, type TimeZoneChoice } from './view'
import { ImageThumb } from './ImageThumb'
import { RichText } from './RichText'
import { plural } from '../../plural'

const COLLAPSE_LINES = 12
const COLLAPSE_CHARS = 1_500

export function tagLabel(entry: Entry): string {
  if (entry.kind === 'action') return ACTION_LABELS[entry.action]
  return { note: 'Note', paste: 'Pasted', link: 'Link', image: 'Image' }[entry.kind]
}

export function EntryContentView(props: {
  incidentId: string
  entry: Entry
  secrets: SecretMatch[]
}) {
  const { incidentId, entry, secrets } = props
  switch (entry.kind) {
    case 'note':
    case 'action':
      return (
        <p className="entry-text">
          <RichText text={entry.text} secrets={secrets} />
        </p>
      )
    case 'paste':
      return <Pasted text={entry.text} secrets={secrets} />
    case 'link':
      return (
        <p className="entry-text">
          <a href={entry.url} target="_blank" rel="noreferrer">
            {entry.title || entry.url}
          </a>
          {entry.title && <span className="muted url"> {entry.url}</span>}
        </p>
      )
    case 'image':
      return (
        <figure className="entry-image">
          <ImageThumb
            incidentId={incidentId}
            entryId={entry.id}
            caption={entry.caption}
            width={entry.width}
            height={entry.height}
          />
          {entry.caption && <figcaption>{entry.caption}</figcaption>}
        </figure>
      )
  }
}

function Pasted({ text, secrets }: { text: string; secrets: SecretMatch[] }) {
  const lines = text.split('\n')
  const long = lines.length > COLLAPSE_LINES || text.length > COLLAPSE_CHARS
  const [open, setOpen] = useState(false)
  const shown =
    long && !open ? lines.slice(0, COLLAPSE_LINES).join('\n').slice(0, COLLAPSE_CHARS) : text
  return (
    <div className="pasted">
      <pre>
        <RichText text={shown} secrets={secrets} links={false} />
      </pre>
      {long && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'Show less' : `Show all (${plural(lines.length, 'line')})`}
        </button>
      )}
    </div>
  )
}

export function History({ entry, zone }: { entry: Entry; zone: TimeZoneChoice }) {
  return (
    <ol className="history" aria-label="Earlier versions">
      {[...entry.history].reverse().map((rev, i) => (
        <li key={i}>
          <span className="muted">
            Before {rev.editedBy}’s edit at {formatTime(rev.editedAt, zone)} (was at{' '}
            {formatTime(rev.at, zone)}
            {rev.verified ? '' : ', hypothesis'}):
          </span>{' '}
          <span className="history-text">{describe(rev.content)}</span>
        </li>
      ))}
    </ol>
  )
}

function describe(content: EntryContent): string {
  switch (content.kind) {
    case 'note':
    case 'paste':
      return content.text
    case 'link':
      return `${content.title} ${content.url}`.trim()
    case 'image':
      return content.caption || '(no caption)'
    case 'action':
      return `${ACTION_LABELS[content.action]}: ${content.text}`
  }
}
