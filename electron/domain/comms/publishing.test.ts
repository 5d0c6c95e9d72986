import { describe, expect, it } from 'vitest'
import {
  applyPublishEvent,
  nextAttemptAt,
  NO_PUBLISHING,
  retryDelayMs,
  swapStatusTag,
  withMarker,
  type PublishEvent,
} from './publishing'

const base = { incidentId: 'i', seq: 1, by: 'Dana' }
const fold = (events: PublishEvent[]) =>
  events.reduce((s, e) => applyPublishEvent(s, e).state, NO_PUBLISHING)

describe('the publishing outbox fold', () => {
  const queued: PublishEvent = {
    ...base,
    id: 'q1',
    at: '2026-11-23T14:00:00.000Z',
    type: 'publish.queued',
    kind: 'post',
    title: 'Incident: Search down',
    content: '<p>Body</p>',
    statusTag: 'status-recorded',
  }
  const failed = (at: string, retry = true): PublishEvent => ({
    ...base,
    id: `f${at}`,
    at,
    type: 'publish.failed',
    requestId: 'q1',
    reason: 'Could not reach p2.example',
    retry,
  })

  it('a failure keeps the item with its reason; the next try waits longer each time', () => {
    const once = fold([queued, failed('2026-11-23T14:00:00.000Z')])
    expect(once.outbox).toMatchObject([
      { id: 'q1', attempts: 1, lastError: 'Could not reach p2.example' },
    ])
    expect(new Date(nextAttemptAt(once.outbox[0]!)!).toISOString()).toBe('2026-11-23T14:00:30.000Z')
    const twice = fold([
      queued,
      failed('2026-11-23T14:00:00.000Z'),
      failed('2026-11-23T14:00:30.000Z'),
    ])
    expect(new Date(nextAttemptAt(twice.outbox[0]!)!).toISOString()).toBe(
      '2026-11-23T14:01:30.000Z',
    )
    expect(
      nextAttemptAt(fold([queued, failed('2026-11-23T14:00:00.000Z', false)]).outbox[0]!),
    ).toBeNull()
    expect([1, 2, 3, 4, 10, 30].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000,
    ])
  })

  it('done takes it out, remembers the post and what was published; cancel takes it out', () => {
    const done = fold([
      queued,
      {
        ...base,
        id: 'd',
        at: '2026-11-23T14:01:00.000Z',
        type: 'publish.done',
        requestId: 'q1',
        postId: 42,
        link: 'https://p2.example/?p=42',
      },
    ])
    expect(done).toEqual({
      post: { id: 42, link: 'https://p2.example/?p=42' },
      outbox: [],
      published: [
        {
          id: 'q1',
          kind: 'post',
          label: 'P2 incident post',
          link: 'https://p2.example/?p=42',
          at: '2026-11-23T14:01:00.000Z',
        },
      ],
    })
    const cancelled = applyPublishEvent(fold([queued]), {
      ...base,
      id: 'c',
      at: '2026-11-23T14:02:00.000Z',
      type: 'publish.cancelled',
      requestId: 'q1',
    })
    expect(cancelled.state.outbox).toEqual([])
    expect(cancelled.text).toBe('Cancelled publishing the P2 incident post')
  })

  it('swaps only the status tag and marks the content with the event id', () => {
    expect(
      swapStatusTag(['openverse-api', 'status-recorded', 'frontend'], 'status-stabilized'),
    ).toEqual(['openverse-api', 'frontend', 'status-stabilized'])
    expect(withMarker('<p>x</p>', 'abc')).toBe('<p>x</p>\n<!-- incident-tray-publish-abc -->')
  })
})
