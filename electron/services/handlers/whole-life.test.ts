import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { golden } from '../../testing/golden'
import { ManualClock } from '../clock'
import { tempDir, testHost } from '../../testing/fixtures'
import type { OutputId } from '../../domain/comms/outputs'

/**
 * One long incident through the host, as the maintainer lives it: Severity 1 stabilized within
 * hours, then days of investigation with a change of cadence, resolved, reviewed. Every status
 * comment is copied when it would be posted; every other output is copied when it would be sent.
 * Each output is one golden file, read top to bottom as the person who pastes it.
 */

const GOLDEN = join(import.meta.dirname, '__golden__', 'whole-life')

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const expectGolden = (name: string, actual: string) =>
  expect(actual).toBe(golden(GOLDEN, name, actual))

describe('a whole incident, every output as the team reads it', () => {
  it('status comments, the P2 post, Slack, Signal, Make, GitHub and the postmortem', async () => {
    const clock = new ManualClock(new Date('2026-11-02T09:12:00Z'))
    const { host } = testHost(dir, clock)
    const at = (iso: string) => clock.set(new Date(iso))
    ok(await host.call('settings:update', { you: { name: 'Sam' } }))
    const { id } = ok(
      await host.call('incident:record', {
        title: 'Search requests time out on openverse.org',
        observed:
          'Most searches on openverse.org and the API time out after 30 s; the API p99 is above 20 s.',
        severity: 1,
        detection: 'alert',
        area: 'API / Elasticsearch',
        recorder: 'Sam',
      }),
    )
    const note = async (when: string, text: string) => {
      at(when)
      ok(await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text } }))
    }
    const action = async (when: string, kind: 'scale' | 'config' | 'rollback', text: string) => {
      at(when)
      ok(
        await host.call('timeline:add', {
          incidentId: id,
          entry: { kind: 'action', action: kind, text },
        }),
      )
    }
    const comments: string[] = []
    const copyComment = async (when: string) => {
      at(when)
      const { copied } = ok(await host.call('comms:copy', { id, output: 'p2-comment' }))
      comments.push(`── copied ${when.slice(0, 16).replace('T', ' ')} UTC ──\n${copied}`)
    }
    const copy = async (output: OutputId) => {
      const copied = ok(await host.call('comms:copy', { id, output }))
      return copied.title ? `TITLE: ${copied.title}\n\n${copied.copied}` : copied.copied
    }
    const move = async (when: string, to: 'stabilized' | 'investigating', summary?: string) => {
      at(when)
      ok(await host.call('incident:move', { id, to, ...(summary ? { summary } : {}) }))
    }

    // Day 1: the outage, Severity 1, hourly updates until it is stabilized.
    at('2026-11-02T09:14:00Z')
    const signal = await copy('signal')
    const makeInvestigating = await copy('make-investigating')
    at('2026-11-02T09:20:00Z')
    ok(await host.call('incident:setLead', { id, lead: { kind: 'free', name: 'Dana' } }))
    await note('2026-11-02T09:25:00Z', 'Elasticsearch CPU at 100% on all three data nodes')
    await action('2026-11-02T09:40:00Z', 'scale', 'ES data nodes from 3 to 5')
    await copyComment('2026-11-02T10:05:00Z')
    await note(
      '2026-11-02T10:30:00Z',
      'The slow log shows wildcard queries from one client taking 15 s each',
    )
    await action('2026-11-02T10:45:00Z', 'config', "Blocked the client's IP range at Cloudflare")
    await copyComment('2026-11-02T11:20:00Z') // 15 minutes late
    await note('2026-11-02T11:50:00Z', 'p99 back under 800 ms; no timeouts for 20 minutes')
    await move(
      '2026-11-02T11:55:00Z',
      'stabilized',
      'Blocked the abusive client at Cloudflare and scaled Elasticsearch to 5 data nodes; searches answer in under a second again.',
    )
    await copyComment('2026-11-02T12:00:00Z')
    const githubStabilize = await copy('github-stabilize')
    await move(
      '2026-11-02T12:30:00Z',
      'investigating',
      'Looking at why the API lets wildcard queries through its query validation.',
    )
    await copyComment('2026-11-02T12:31:00Z')

    // Days 2-9: daily updates, then "when there is news".
    await copyComment('2026-11-03T12:00:00Z') // nothing new
    await note(
      '2026-11-03T15:00:00Z',
      'The API passes user input to a query_string query: leading wildcards are allowed',
    )
    await copyComment('2026-11-04T11:30:00Z')
    at('2026-11-04T11:40:00Z')
    ok(await host.call('update:cadence', { id, choice: 'news' }))
    await copyComment('2026-11-06T10:00:00Z') // nothing new
    await note(
      '2026-11-10T09:00:00Z',
      'PR #5123 rejects leading wildcards and caps the query length; deployed at 08:45 UTC',
    )
    await copyComment('2026-11-10T09:30:00Z')

    // Resolved, then the retrospective and Reviewed.
    await action('2026-11-11T09:50:00Z', 'config', 'Lifted the Cloudflare block')
    at('2026-11-11T10:00:00Z')
    ok(
      await host.call('incident:resolve', {
        id,
        solutionSummary:
          'The API rejects leading wildcards and caps the query length (PR #5123); the Cloudflare block is lifted.',
        override: { reason: 'The Slack thread was unpinned by hand' },
      }),
    )
    await copyComment('2026-11-11T10:05:00Z')
    const slackResolved = await copy('slack')
    const makeResolved = await copy('make-resolved')
    at('2026-11-13T15:00:00Z')
    ok(
      await host.call('retro:saveDraft', {
        id,
        draft: {
          attendees: ['Dana', 'Sam', 'Lee'],
          date: '2026-11-13',
          chains: [
            {
              id: 'c1',
              problem: 'Searches timed out for most users',
              whys: [
                {
                  id: 'w1',
                  question: 'Why did searches time out?',
                  answer: 'Elasticsearch spent its CPU on wildcard queries from one client.',
                },
                {
                  id: 'w2',
                  question: 'Why could one client run such queries?',
                  answer: 'The API passed user input to query_string without checks.',
                },
              ],
              rootCause: 'The API did not validate the query syntax it passed to Elasticsearch.',
            },
          ],
          actions: [
            {
              id: 'a1',
              title: 'Alert on Elasticsearch slow-log volume',
              owner: 'Lee',
              due: '2026-11-27',
              type: 'detective',
              category: 'monitoring',
              issueUrl: 'https://github.com/WordPress/openverse/issues/5130',
            },
            {
              id: 'a2',
              title: 'Rate limit anonymous API clients per IP range',
              owner: 'Dana',
              type: 'preventative',
              category: 'safeguards',
            },
          ],
          workedWell: 'The alarm fired within two minutes; scaling bought time.',
          failed: 'Nobody knew which client sent the queries for 40 minutes.',
        },
      }),
    )
    // Completing the retrospective moves the incident to Reviewed.
    at('2026-11-13T15:30:00Z')
    ok(await host.call('retro:complete', { id }))
    await copyComment('2026-11-13T15:31:00Z')

    const p2Post = await copy('p2-post')
    const githubBug = await copy('github-bug')
    const postmortem = ok(await host.call('retro:postmortem', { id })).markdown

    expectGolden('status-comments.txt', comments.join('\n\n') + '\n')
    expectGolden('p2-post.txt', p2Post + '\n')
    expectGolden('slack-resolved.txt', slackResolved + '\n')
    expectGolden('signal.txt', signal + '\n')
    expectGolden('make.txt', `${makeInvestigating}\n\n── resolved edit ──\n${makeResolved}\n`)
    expectGolden('github.txt', `${githubStabilize}\n\n── bug report ──\n${githubBug}\n`)
    expectGolden('postmortem.md', postmortem + '\n')

    // What a reader checks in every piece: nobody's name on a status line, no heading left empty,
    // no update bookkeeping in a bug report.
    for (const text of [...comments, p2Post, slackResolved, postmortem]) {
      expect(text).not.toMatch(/→ [A-Z][a-z ]+ \((Sam|Dana)\)/)
    }
    expect(githubBug).not.toMatch(/updates?, .* nothing new/i)
  })
})
