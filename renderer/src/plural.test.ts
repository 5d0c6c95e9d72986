import { describe, expect, it } from 'vitest'
import { plural, pluralOf } from './plural'

describe('plural', () => {
  it('takes the singular for one and the plural otherwise', () => {
    expect(plural(1, 'item')).toBe('1 item')
    expect(plural(0, 'item')).toBe('0 items')
    expect(plural(2, 'update')).toBe('2 updates')
    expect(plural(1, 'person', 'people')).toBe('1 person')
    expect(plural(3, 'person', 'people')).toBe('3 people')
  })

  it('groups thousands and agrees with the total in "x of y"', () => {
    expect(plural(1204, 'incident')).toBe('1,204 incidents')
    expect(pluralOf(1, 1, 'moment')).toBe('1 of 1 moment')
    expect(pluralOf(3, 1204, 'incident')).toBe('3 of 1,204 incidents')
  })
})
