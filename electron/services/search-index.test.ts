import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writePastIncidents } from '../testing/archive'
import { tempDir, testHost } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const ids = (r: { ok: boolean; value?: { ids: string[] } }) => (r.ok ? r.value!.ids : [])

describe('search index written per change', () => {
  it('after a note, a search appends that incident’s text, not the archive’s; a restart still finds it', async () => {
    writePastIncidents(dir, 50)
    const first = testHost(dir)
    const recorded = await first.host.call('incident:record', {
      title: 'API down',
      severity: 2,
      detection: 'alert',
      recorder: 'Dana',
    })
    const past = recorded.ok ? recorded.value.id : ''
    expect(ids(await first.host.call('history:search', { text: 'thumbnails' }))).toHaveLength(50)
    const whole = readFileSync(join(dir, 'search-index.json'), 'utf8')
    expect(existsSync(join(dir, 'search-index-delta.jsonl'))).toBe(false)

    const added = await first.host.call('timeline:add', {
      incidentId: past,
      entry: { kind: 'note', text: 'Shard rebalancing finished' },
    })
    expect(added.ok ? '' : added.error.message).toBe('')
    expect(ids(await first.host.call('history:search', { text: 'rebalancing' }))).toEqual([past])
    // The 50-incident file is as it was; one line holds the changed text.
    expect(readFileSync(join(dir, 'search-index.json'), 'utf8')).toBe(whole)
    const delta = readFileSync(join(dir, 'search-index-delta.jsonl'), 'utf8').trim().split('\n')
    expect(delta).toHaveLength(1)
    expect(delta[0]).toContain('shard rebalancing finished')
    first.host.close()

    const second = testHost(dir)
    expect(ids(await second.host.call('history:search', { text: 'rebalancing' }))).toEqual([past])
    second.host.close()
  })
})
