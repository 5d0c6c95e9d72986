import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { PUBLISH_LABELS } from '../../../../electron/shared/format'
import type { PublishKind } from '../../../../electron/shared/types'
import type { PublishPreview } from '../../../../electron/shared/publishing-contract'
import { api } from '../../api'
import { useApp } from '../../store'
import { useApiCall } from '../../useApiCall'
import { FormError } from '../common/RegisterCard'
import { OutboxList } from './OutboxList'
import './publishing.css'

/**
 * Publishing to the P2 in one click each, always previewed first: the incident post, a status
 * comment, the status tag and the resolved edit. What cannot reach the site waits in the
 * outbox below (kept in the incident's log), with Retry and Cancel.
 */
export function PublishPanel({ incident }: { incident: IncidentViewModel }) {
  const site = useApp((s) => s.snapshot!.settings.publishing)
  const openSettings = useApp((s) => s.openSettings)
  const [preview, setPreview] = useState<PublishPreview | null>(null)
  const [result, setResult] = useState<{ text: string; link?: string } | null>(null)
  const { error, busy, run, setError } = useApiCall()
  const publishing = incident.publishing
  const hasPost = Boolean(publishing.post) || publishing.outbox.some((i) => i.kind === 'post')
  const resolved = incident.status === 'resolved' || incident.status === 'reviewed'

  if (!site.url || !site.user) return <NotConnected onConnect={() => openSettings('publishing')} />

  const kinds = publishKinds(hasPost, site.followStatus, resolved)

  const show = async (kind: PublishKind) => {
    setResult(null)
    const p = await run(() => api.publishing.preview({ id: incident.id, kind }))
    if (p) setPreview(p)
  }
  const publish = async () => {
    if (!preview) return
    const out = await run(() => api.publishing.publish({ id: incident.id, kind: preview.kind }))
    if (!out) return
    setPreview(null)
    setResult(
      out.outcome === 'published'
        ? {
            text: `Published the ${preview.label}${preview.kind === 'comment' ? '; it counts as the posted update' : ''}:`,
            link: out.link,
          }
        : { text: 'Not published yet: it waits in the outbox below and is tried again.' },
    )
  }

  return (
    <div className="publish-panel">
      <h4>Publish to the P2</h4>
      <p className="hint">
        To {site.url} as {site.user}
        {publishing.post && (
          <>
            {' '}
            · <a href={publishing.post.link}>the incident post</a>
          </>
        )}
      </p>
      <div className="publish-buttons">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="small"
            disabled={busy}
            onClick={() => void show(kind)}
          >
            Publish the {PUBLISH_LABELS[kind]}…
          </button>
        ))}
      </div>
      {preview && (
        <PreviewSection
          preview={preview}
          busy={busy}
          onPublish={() => void publish()}
          onCancel={() => {
            setPreview(null)
            setError(null)
          }}
        />
      )}
      <FormError message={error} />
      {result && (
        <p className="publish-result" role="status">
          {result.text} {result.link && <a href={result.link}>{result.link}</a>}
        </p>
      )}
      <OutboxList incident={incident} />
      <PublishedList published={publishing.published} />
    </div>
  )
}

/** What can be published now: the post first; then comments, tags unless they follow the status, the resolved edit. */
function publishKinds(hasPost: boolean, followStatus: boolean, resolved: boolean): PublishKind[] {
  return hasPost
    ? [
        'comment',
        ...(followStatus ? [] : (['tags'] as const)),
        ...(resolved ? (['resolved-edit'] as const) : []),
      ]
    : ['post']
}

function NotConnected({ onConnect }: { onConnect: () => void }) {
  return (
    <div className="publish-panel">
      <h4>Publish to the P2</h4>
      <p className="hint">
        Publish the post, status comments and status tags directly once the P2 is connected
        (Settings → Publishing).
      </p>
      <div className="publish-buttons">
        <button type="button" className="small" onClick={onConnect}>
          Connect the P2…
        </button>
      </div>
    </div>
  )
}

/** What will be published, exactly as the site will get it, before anything is sent. */
function PreviewSection(props: {
  preview: PublishPreview
  busy: boolean
  onPublish: () => void
  onCancel: () => void
}) {
  const { preview } = props
  return (
    <section className="publish-preview" aria-label={`Preview: ${preview.label}`}>
      <p className="label-small">
        Preview of the {preview.label}, to {preview.target}
      </p>
      {preview.title && (
        <p>
          <span className="label-small">Title</span> <strong>{preview.title}</strong>
        </p>
      )}
      {preview.statusTag && (
        <p>
          <span className="label-small">Status tag</span> <code>{preview.statusTag}</code>
        </p>
      )}
      {preview.text && preview.kind !== 'tags' && (
        <pre className="publish-text" tabIndex={0}>
          {preview.text}
        </pre>
      )}
      <div className="publish-buttons">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onPublish}>
          {props.busy ? 'Publishing…' : 'Publish'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}

function PublishedList({ published }: { published: IncidentViewModel['publishing']['published'] }) {
  if (published.length === 0) return null
  return (
    <details className="published-list">
      <summary>Published ({published.length})</summary>
      <ul>
        {published.map((p) => (
          <li key={p.id}>
            <a href={p.link}>{p.label}</a>
          </li>
        ))}
      </ul>
    </details>
  )
}
