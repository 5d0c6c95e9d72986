import { UserError } from '../incident/errors'
import type { Incident } from '../incident'
import type { PublishKind } from './publishing'

/** Whether the incident post is waiting in the outbox. */
export function queuedPost(incident: Incident): boolean {
  return (incident.publishing?.outbox ?? []).some((i) => i.kind === 'post')
}

/** What may be published now: the rest goes on the post, the post once, the edit when resolved. */
export function assertPublishable(incident: Incident, kind: PublishKind): void {
  if (kind !== 'post' && !incident.publishing?.post && !queuedPost(incident)) {
    throw new UserError(
      'no-post',
      incident.publishing?.foreignPost
        ? `The P2 post ${incident.publishing.foreignPost.link} came with an imported backup, so this computer does not publish on it. Publish the incident post from here first.`
        : 'Publish the incident post first: the rest goes on it.',
    )
  }
  if (kind === 'post' && (incident.publishing?.post || queuedPost(incident))) {
    throw new UserError(
      'already-posted',
      'The incident post is already published (or waiting to be).',
    )
  }
  if (
    kind === 'resolved-edit' &&
    incident.status !== 'resolved' &&
    incident.status !== 'reviewed'
  ) {
    throw new UserError('not-resolved', 'The resolved edit is for a resolved incident.')
  }
}
