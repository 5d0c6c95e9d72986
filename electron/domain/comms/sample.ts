import type { CommsLine, CommsView } from './view'

const TIMELINE: CommsLine[] = [
  { at: '2026-11-23T13:40:00.000Z', text: 'API 5xx rate jumps to 100% after deploy v2.14.0' },
  {
    at: '2026-11-23T13:52:00.000Z',
    text: 'A user reports on Making WordPress Slack that search is broken',
  },
  { at: '2026-11-23T14:05:00.000Z', text: 'Rolled back the API to v2.13.2' },
  { at: '2026-11-23T14:09:00.000Z', text: '5xx rate back to 0%; searches return results' },
]

/**
 * One fixed incident, the way a Severity 1 outage at Openverse reads midway: the golden files'
 * subject and the template editor's preview.
 */
export const FIXED_VIEW: CommsView = {
  title: 'API returns 500 for all searches',
  severityLevel: 1,
  severityLabel: 'Severity 1',
  severityDefinition:
    'Critical issue affecting all/most users and all/most functionalities of Openverse.',
  status: 'stabilized',
  statusLabel: 'Stabilized',
  statusTag: '#status-stabilized',
  lead: 'Dana',
  recorder: 'Sam',
  detectedAt: '2026-11-23T13:52:00.000Z',
  detection: 'User report',
  area: 'API',
  impact:
    'Every search on openverse.org and the API answered 500 from 13:40 UTC; no results for anyone.',
  links: [
    { title: 'Grafana: API 5xx', url: 'https://grafana.example.org/d/api-5xx' },
    { title: 'Deploy run', url: 'https://github.com/WordPress/openverse/actions/runs/123' },
  ],
  timeline: TIMELINE,
  sinceLastUpdate: [
    { at: '2026-11-23T14:05:00.000Z', text: 'Rolled back the API to v2.13.2' },
    { at: '2026-11-23T14:09:00.000Z', text: '5xx rate back to 0%; searches return results' },
  ],
  announced: {
    to: 'stabilized',
    summary: 'Rolled back the API deploy v2.14.0 to v2.13.2; error rate back to normal.',
  },
  headline: 'Stabilized: Rolled back the API deploy v2.14.0 to v2.13.2; error rate back to normal.',
  nextUpdateDue: '2026-11-23T15:10:00.000Z',
  nextUpdateWhenNews: false,
  mitigationSummary: 'Rolled back the API deploy v2.14.0 to v2.13.2; error rate back to normal.',
  solutionSummary: null,
  rootCauses: [],
  actionItems: [],
  p2Url: 'https://make.wordpress.org/openverse/2026/11/23/incident-api-returns-500/',
  userReported: true,
}
