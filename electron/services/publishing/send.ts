import type { Incident } from '../../domain/incident'
import {
  publishMarker,
  swapStatusTag,
  withMarker,
  type OutboxItem,
} from '../../domain/comms/publishing'
import { tagOf } from './content'
import { PublishFailure } from './http'
import type { WordPressClient } from './wordpress'

/**
 * One outbox item to the site. It looks for the item's marker first, so a retry after a timeout
 * that the site had in fact accepted never makes a second post or comment; tag changes and the
 * resolved edit set the post's state and are safe to repeat.
 */
export async function sendItem(wp: WordPressClient, incident: Incident, item: OutboxItem) {
  const marker = publishMarker(item.id)
  const post = incident.publishing?.post
  const tagsWith = async (postId: number, tag: string) => {
    const current = await wp.getPost(postId)
    const names = await wp.tagNames(current.tags)
    const wanted = swapStatusTag([...names.values()], tag)
    const ids: number[] = []
    for (const name of wanted) ids.push(await wp.tagId(name))
    return ids
  }
  switch (item.kind) {
    case 'post': {
      const found = await wp.findPost(marker)
      if (found) return { postId: found.id, link: found.link }
      const tags = item.statusTag ? [await wp.tagId(item.statusTag)] : []
      const made = await wp.createPost({
        title: item.title ?? incident.title,
        content: withMarker(item.content, item.id),
        tags,
      })
      return { postId: made.id, link: made.link }
    }
    case 'comment': {
      if (!post)
        throw new PublishFailure(
          'rejected',
          'The incident post is not published yet; the comment waits for it.',
          { retry: true },
        )
      const found = await wp.findComment(post.id, marker)
      if (found) return { postId: post.id, link: found.link }
      const made = await wp.createComment(post.id, withMarker(item.content, item.id))
      return { postId: post.id, link: made.link }
    }
    case 'tags':
    case 'resolved-edit': {
      if (!post)
        throw new PublishFailure(
          'rejected',
          'The incident post is not published yet; this waits for it.',
          { retry: true },
        )
      const tags = await tagsWith(post.id, item.statusTag ?? tagOf(incident.status))
      const changes =
        item.kind === 'resolved-edit'
          ? {
              title: item.title ?? incident.title,
              content: withMarker(item.content, item.id),
              tags,
            }
          : { tags }
      const made = await wp.updatePost(post.id, changes)
      return { postId: made.id, link: made.link }
    }
  }
}
