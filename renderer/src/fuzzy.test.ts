import { describe, expect, it } from 'vitest'
import { fuzzyFilter, fuzzyScore } from './fuzzy'

const titles = [
  'Open settings',
  'Open settings: Severity scale',
  'Record incident',
  'Switch to: API returns 500',
  'Theme: dark',
]

describe('fuzzy filter', () => {
  it('keeps everything in order for an empty query', () => {
    expect(fuzzyFilter('', titles, (t) => t)).toEqual(titles)
  })
  it('needs every character in order', () => {
    expect(fuzzyScore('rci', 'Record incident')).not.toBeNull()
    expect(fuzzyScore('icr', 'Record incident')).toBeNull()
  })
  it('ranks word starts and adjacent characters first', () => {
    expect(fuzzyFilter('rec', titles, (t) => t)[0]).toBe('Record incident')
    expect(fuzzyFilter('sev', titles, (t) => t)).toEqual(['Open settings: Severity scale'])
    expect(fuzzyFilter('api', titles, (t) => t)).toEqual(['Switch to: API returns 500'])
    expect(fuzzyFilter('dark', titles, (t) => t)).toEqual(['Theme: dark'])
  })
})
