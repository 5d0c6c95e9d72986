/** Every placeholder a template may use, with what it becomes (shown in the template editor). */
export const PLACEHOLDERS = {
  title: 'the incident title',
  severity: 'Severity 1, SEV-2, …',
  severityDefinition: "the severity's definition from the policy",
  status: 'Stabilized, Under investigation, …',
  statusTag: '#status-stabilized, …',
  lead: 'the Lead, or "not named yet"',
  recorder: 'who recorded it',
  detectedAt: 'when it was detected (UTC)',
  detection: 'automated alert, user report or manual check',
  area: 'the affected area',
  impact: 'what was observed',
  summary: 'the solution, else the mitigation, else "we are working on it"',
  links: 'the links on the timeline, one a line',
  timeline: 'verified timeline entries, one a line, in UTC',
  changes: 'verified entries since the last posted update',
  mitigation: '"Mitigation: …" when Stabilized',
  resolution: '"Solution: …" and the timeline when Resolved',
  solution: 'the solution summary',
  nextUpdate: 'when the next update is due (UTC)',
  p2Url: 'the P2 post URL',
  here: '"@here " for Severity 1 when ticked (Slack)',
} as const

export const placeholderNames = Object.keys(PLACEHOLDERS)
