import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Command } from '../domain/command'
import type { Incident } from '../domain/incident'
import { UserError } from '../domain/incident/errors'
import { move, reopen } from '../domain/lifecycle/commands'
import { IncidentStore } from '../store/incident-store'
import { tempDir } from '../testing/fixtures'
import { IncidentRepository } from './incidents'

/** The real store, counting its appends: one command must be one append. */
class CountingStore extends IncidentStore {
  appends = 0
  override append(...args: Parameters<IncidentStore['append']>) {
    this.appends += 1
    return super.append(...args)
  }
}

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function setup() {
  let now = new Date('2026-11-23T10:00:00Z')
  let n = 0
  const store = new CountingStore(dir, () => now)
  const changes: string[] = []
  const repo = new IncidentRepository(
    store,
    () => now,
    () => `id-${++n}`,
    {
      actor: () => 'Dana',
      changed: () => changes.push('changed'),
    },
  )
  const { id } = repo.record(
    {
      title: 'Search down',
      observed: '',
      severity: 2,
      detection: 'alert',
      area: '',
      recorder: 'Dana',
      status: 'pending',
    },
    'openverse',
  )
  const lines = () => readFileSync(join(dir, 'incidents', id, 'events.jsonl'), 'utf8').split('\n')
  const later = (ms: number) => (now = new Date(now.getTime() + ms))
  return { store, repo, id, changes, lines, later }
}

describe('IncidentRepository.execute', () => {
  it('appends every event of a command in one append, tells once and acknowledges', () => {
    const { store, repo, id, changes, lines, later } = setup()
    repo.execute(id, move, { to: 'stabilized', summary: 'Rolled back' })
    later(60_000)
    store.appends = 0
    changes.length = 0
    // Resolving for real needs the communications ticked; a test command writes the move, so the
    // recurrence within 48 h (two events: the move back and the reopening) can be run.
    const resolvedAt = '2026-11-23T10:01:00Z'
    const resolved: Command<null> = (incident, _input, ctx) => [
      {
        id: ctx.eventId(),
        incidentId: incident.id,
        at: resolvedAt,
        by: ctx.by,
        type: 'status.changed',
        from: incident.status,
        to: 'resolved',
        summary: 'Fixed',
      },
    ]
    repo.execute(id, resolved, null)
    store.appends = 0
    changes.length = 0
    const before = lines().length

    const ack = repo.execute(id, reopen, { note: 'Again' })

    expect(store.appends).toBe(1)
    expect(changes).toEqual(['changed'])
    expect(lines().length).toBe(before + 2)
    expect(ack).toEqual({ id, version: repo.get(id).version })
    expect(Object.keys(ack)).toEqual(['id', 'version'])
    expect(repo.get(id).status).toBe('pending')
    expect(repo.get(id).timeline.at(-1)?.by).toBe('Dana')
  })

  it('writes nothing and tells nobody when the domain refuses or has nothing to write', () => {
    const { store, repo, id, changes, lines } = setup()
    const before = lines().length
    store.appends = 0
    changes.length = 0
    expect(() => repo.execute(id, move, { to: 'stabilized' })).toThrow(UserError)
    const nothing: Command<null> = () => []
    const ack = repo.execute(id, nothing, null)
    expect(ack).toEqual({ id, version: 1 })
    expect(store.appends).toBe(0)
    expect(changes).toEqual([])
    expect(lines().length).toBe(before)
  })

  it('gives the command fresh ids, the time and the actor, "Unknown" until one is named', () => {
    const { repo } = setup()
    const seen: unknown[] = []
    const peek: Command<null> = (_i: Incident, _input, ctx) => {
      seen.push([ctx.eventId(), ctx.eventId(), ctx.now.toISOString(), ctx.by])
      return []
    }
    const { id } = repo.list()[0]!
    repo.execute(id, peek, null)
    expect(seen).toEqual([['id-3', 'id-4', '2026-11-23T10:00:00.000Z', 'Dana']])
    const anonymous = new IncidentRepository(
      new IncidentStore(dir, () => new Date()),
      () => new Date(),
    )
    anonymous.execute(id, peek, null)
    expect((seen[1] as string[])[3]).toBe('Unknown')
  })
})
