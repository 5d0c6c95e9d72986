import { keepMine, notAnUpdate } from '../../domain/comms/p2-commands'
import type { FeatureHandlers, HostContext } from '../context'
import type { Follower } from './follower'
import { P2Opener } from './p2-open'
import type { Publisher } from './publisher'

export const AUTHOR_CANNOT_TAG =
  'Your WordPress user may comment on this post but not change its tags: only the post’s author or an Editor can. Ask one of them to set the tag, or Apply the P2’s status.'

type P2Channel = 'p2:notUpdate' | 'p2:keepMine' | 'p2:readNow' | 'p2:open' | 'p2:recent'

/** Reading the P2 back: the follower runs on changes, and what the user corrects or keeps. */
export function p2Handlers(
  ctx: HostContext,
  publisher: Publisher,
  follower: Follower,
): FeatureHandlers<P2Channel> {
  ctx.onChanged(() => follower.onChanged())
  ctx.onClose(() => follower.close())
  follower.onChanged()
  const opener = new P2Opener(ctx, publisher.connection)
  return {
    'p2:notUpdate': ({ id, commentId }) => {
      ctx.incidents.execute(id, notAnUpdate, { commentId })
      return { ok: true }
    },
    // Only on this click does the app's tag go back to the post: never by itself.
    'p2:keepMine': async ({ id }) => {
      ctx.incidents.execute(
        id,
        (incident, _input: undefined, c) => keepMine(incident, c),
        undefined,
      )
      const outcome = await publisher.publish(id, 'tags')
      // WordPress answers an Author's edit of someone else's post with a 403, on reading it for
      // editing or on saving it: say what that means here.
      const refused = /^This user cannot (read|edit) posts/
      return outcome.outcome === 'queued' && refused.test(outcome.reason)
        ? { ...outcome, reason: AUTHOR_CANNOT_TAG }
        : outcome
    },
    'p2:open': async ({ url }) => {
      const opened = await opener.open(url)
      follower.now()
      return opened
    },
    'p2:recent': () => opener.recent(),
    'p2:readNow': () => {
      follower.now()
      return { ok: true }
    },
  }
}
