import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OUTPUT_IDS, type OutputId } from '../domain/comms/outputs'
import { RetroDraft } from '../domain/retro/draft'
import { HOUR } from '../domain/comms/cadence'
import { ManualClock } from './clock'
import { tempDir, testHost } from '../testing/fixtures'
import { OUTGOING_PATHS, type OutgoingPath } from './outgoing'

/** Pasted with a log line, never unmasked: it must leave the app through no path. */
const SECRET = 'sk_live_51HxQkLJd8fA2pQ9rT3vW7yZ'
/** In an entry the user unmasked on purpose: exports may show it. */
const SHOWN = 'AKIAIOSFODNN7EXAMPLE'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

type Env = Awaited<ReturnType<typeof setup>>

/**
 * An incident holding `Authorization: Bearer sk_live_…` in its title, its description, a pasted
 * log line (public, never unmasked, chosen as a retro key moment), its retro and an alarm's name.
 */
async function setup() {
  const h = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
  const { id } = ok(
    await h.host.call('incident:record', {
      title: `Payments 401: Authorization: Bearer ${SECRET} rejected`,
      observed: `Every checkout fails; curl -H "Authorization: Bearer ${SECRET}" answers 401.`,
      severity: 1,
      detection: 'alert',
      recorder: 'Sam',
    }),
  )
  const paste = ok(
    await h.host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'paste', text: `POST /charge 401\nAuthorization: Bearer ${SECRET}` },
    }),
  )
  // Logs are internal by default: this one was made public, so outputs quote it.
  ok(
    await h.host.call('timeline:audience', {
      incidentId: id,
      itemId: paste.id,
      audience: 'public',
    }),
  )
  const shown = ok(
    await h.host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'note', text: `Old key ${SHOWN} was rotated on purpose` },
    }),
  )
  ok(await h.host.call('timeline:unmask', { incidentId: id, entryId: shown.id, unmasked: true }))
  ok(
    await h.host.call('retro:saveDraft', {
      id,
      draft: RetroDraft.parse({
        attendees: ['Sam', 'Dana'],
        keyMoments: [paste.id, shown.id],
        chains: [
          {
            id: 'c1',
            problem: `Bearer ${SECRET} was rejected`,
            whys: [{ id: 'w1', question: 'Why?', answer: `Bearer ${SECRET} expired` }],
            rootCause: `Keys like Bearer ${SECRET} have no expiry alert`,
          },
        ],
        actions: [{ id: 'a1', title: `Rotate Bearer ${SECRET}`, owner: 'Dana' }],
      }),
    }),
  )
  return { ...h, id, ok }
}

const textOf = (c: { text: string; html?: string }) => `${c.text}\n${c.html ?? ''}`

async function copied(env: Env, output: OutputId, part: 'body' | 'title' = 'body') {
  env.ok(await env.host.call('comms:copy', { id: env.id, output, part }))
  return textOf(env.clipboard.at(-1)!)
}

/** Notifications shown while `act` runs. */
async function notified(env: Env, act: () => Promise<void> | void) {
  const before = env.notifications.length
  await act()
  return env.notifications
    .slice(before)
    .map((n) => `${n.title}\n${n.body}`)
    .join('\n')
}

async function resolve(env: Env) {
  env.ok(
    await env.host.call('incident:move', { id: env.id, to: 'stabilized', summary: 'Key rotated' }),
  )
  env.ok(
    await env.host.call('incident:resolve', {
      id: env.id,
      solutionSummary: 'New key with an expiry alert',
      override: { reason: 'Test' },
    }),
  )
}

/** Every path by which text leaves the app, each run for real: what it let out. */
const PATHS: Record<OutgoingPath, (env: Env) => Promise<string>> = {
  ...(Object.fromEntries(
    OUTPUT_IDS.map((output) => [`comms:${output}`, (env: Env) => copied(env, output)]),
  ) as Record<`comms:${OutputId}`, (env: Env) => Promise<string>>),
  'comms:title': async (env) =>
    [await copied(env, 'p2-post', 'title'), await copied(env, 'github-bug', 'title')].join('\n'),
  'comms:handoff': async (env) => {
    env.ok(await env.host.call('comms:handoff', { copy: true }))
    return textOf(env.clipboard.at(-1)!)
  },
  'retro:copy': async (env) => {
    env.ok(await env.host.call('retro:copy', { id: env.id }))
    return textOf(env.clipboard.at(-1)!)
  },
  'retro:export-md': async (env) => {
    env.ok(await env.host.call('retro:export', { id: env.id, format: 'md' }))
    return String(env.files.saved.at(-1)!.content)
  },
  'retro:export-html': async (env) => {
    env.ok(await env.host.call('retro:export', { id: env.id, format: 'html' }))
    return String(env.files.saved.at(-1)!.content)
  },
  'incident:export': async (env) => {
    env.ok(await env.host.call('incident:export', { id: env.id, includeUnverified: true }))
    const zip = unzipSync(env.files.saved.at(-1)!.content as Uint8Array)
    return Object.entries(zip)
      .filter(([name]) => name.endsWith('.md'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n')
  },
  'notification:update': (env) =>
    notified(env, () => {
      env.clock.advance(2 * HOUR)
      env.host.wake()
    }),
  'notification:lead': (env) =>
    notified(env, () => {
      env.clock.advance(2 * HOUR)
      env.host.wake()
    }),
  'notification:alarm': (env) =>
    notified(env, async () => {
      env.ok(await env.host.call('alarm:silence', { id: env.id, name: `Bearer ${SECRET} 401s` }))
      env.clock.advance(48 * HOUR)
      env.host.wake()
    }),
  'notification:retro': (env) =>
    notified(env, async () => {
      await resolve(env)
      env.clock.advance(14 * 24 * HOUR)
      env.host.wake()
    }),
  tray: async (env) => JSON.stringify(env.host.tray()),
}

/** What each notification path must have shown, so a silent path cannot pass. */
const EXPECTED: Partial<Record<OutgoingPath, RegExp>> = {
  'notification:update': /update/i,
  'notification:lead': /No lead yet/,
  'notification:alarm': /silenced/,
  'notification:retro': /Retrospective due/,
  tray: /Payments 401/,
}

describe('one masking choke point', () => {
  it('the table covers every path the code lists', () => {
    expect(Object.keys(PATHS).sort()).toEqual([...OUTGOING_PATHS].sort())
  })

  for (const path of OUTGOING_PATHS) {
    it(`${path}: the never-unmasked secret does not leave`, async () => {
      const env = await setup()
      const out = await PATHS[path](env)
      expect(out.trim().length).toBeGreaterThan(0)
      expect(out).toMatch(EXPECTED[path] ?? /./)
      expect(out).not.toContain(SECRET)
      env.host.close()
    })
  }

  it('the postmortem preview and the comms preview on screen are masked the same way', async () => {
    const env = await setup()
    const pm = env.ok(await env.host.call('retro:postmortem', { id: env.id }))
    expect(pm.markdown).toContain('[redacted bearer-token]')
    expect(pm.markdown + pm.html).not.toContain(SECRET)
    for (const show of OUTPUT_IDS) {
      const view = env.ok(await env.host.call('comms:outputs', { id: env.id, show }))
      expect(JSON.stringify(view)).not.toContain(SECRET)
    }
    env.host.close()
  })

  it('an entry the user unmasked shows in the postmortem and the report, and only that one', async () => {
    const env = await setup()
    for (const path of ['retro:export-md', 'incident:export'] as const) {
      const out = await PATHS[path](env)
      expect(out).toContain(SHOWN)
      expect(out).toContain('[redacted bearer-token]')
    }
    env.host.close()
  })
})
