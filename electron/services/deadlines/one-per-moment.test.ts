import { describe, expect, it } from 'vitest'
import type { Reminder } from './job'
import { onePerMoment } from './one-per-moment'

const overdue: Reminder = {
  title: 'Status update overdue by 10 min',
  body: 'Severity 1: API down',
  incidentId: 'a',
  short: 'update overdue by 10 min',
}
const noLead: Reminder = {
  title: 'No lead yet: API down',
  body: 'Choose who leads it. By default, this week’s runner.',
  incidentId: 'a',
  short: 'no lead yet',
}

describe('one notification per moment', () => {
  it('says one reminder as it is, without its short form', () => {
    expect(onePerMoment([noLead])).toEqual([
      {
        title: 'No lead yet: API down',
        body: 'Choose who leads it. By default, this week’s runner.',
        incidentId: 'a',
      },
    ])
  })

  it('names everything due for one incident in one notification', () => {
    expect(onePerMoment([overdue, noLead])).toEqual([
      {
        title: 'Update overdue by 10 min · no lead yet',
        body: 'Severity 1: API down\nChoose who leads it. By default, this week’s runner.',
        incidentId: 'a',
      },
    ])
  })

  it('keeps incidents apart, and says a reminder of no incident on its own', () => {
    const other = { ...noLead, title: 'No lead yet: Thumbnails', incidentId: 'b' }
    const general: Reminder = { title: 'Backup', body: 'Made', short: 'backup' }
    expect(onePerMoment([overdue, other, general, noLead]).map((n) => n.title)).toEqual([
      'Backup',
      'Update overdue by 10 min · no lead yet',
      'No lead yet: Thumbnails',
    ])
  })
})
