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
  links: 'the links on the timeline, one a line, or "None yet."',
  linksSection: '"## Links" and the links on the timeline, or nothing when there are none',
  timeline: 'verified timeline entries, one a line, in UTC',
  headline:
    'the status comment\'s first sentence: the move it announces ("Stabilized: …"), or the status and the impact',
  changes: 'verified entries since the last posted update',
  mitigation: '"Mitigation: …" when Stabilized',
  resolution: '"Solution: …" when Resolved',
  rootCause: "the root cause from the retrospective's 5 whys",
  actionItems: 'the action items with their links, one a line',
  review: 'the root cause and the action items when Reviewed',
  solution: 'the solution summary',
  nextUpdate: 'when the next update is due (UTC)',
  nextUpdateLine:
    '"Next update due: …" while the incident is active ("when there is news, by … at the latest" if so chosen), else nothing',
  outageName:
    'the outage as a Make post names it: "Openverse outage: …", or the title when it says so',
  alertTitle: '"OUTAGE (Severity 1): …", or the severity and the title when it says so',
  p2Url: 'the P2 post URL',
  here: '"@here " for Severity 1 when ticked (Slack)',
} as const

export const placeholderNames = Object.keys(PLACEHOLDERS)
