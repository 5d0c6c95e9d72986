/**
 * Severity scales. The Openverse scale (policy seed 002, examples from runbook seed 001) is the
 * default; the four-level SEV scale of seed 004 is a setting. Levels are numbers, 1 the worst.
 */
export type SeverityScaleId = 'openverse' | 'sev4'

export interface SeverityLevel {
  level: number
  label: string
  definition: string
  examples: readonly string[]
}

export interface SeverityScale {
  id: SeverityScaleId
  name: string
  levels: readonly SeverityLevel[]
}

export const SEVERITY_SCALES: Record<SeverityScaleId, SeverityScale> = {
  openverse: {
    id: 'openverse',
    name: 'Openverse (Severity 1–3)',
    levels: [
      {
        level: 1,
        label: 'Severity 1',
        definition:
          'Critical issue affecting all/most users and all/most functionalities of Openverse.',
        examples: [
          'https://openverse.org is completely down.',
          "Frontend searches aren't returning any results",
          'The API is serving error codes for all searches',
        ],
      },
      {
        level: 2,
        label: 'Severity 2',
        definition:
          'Major issue affecting a large number of users or critical functionality of Openverse.',
        examples: [
          'Frontend keyboard navigation is broken',
          'A particular provider with ~1.5m images is not returning any API results',
          'Users based in the UK, comprising 6% of all visitors, are unable to view https://openverse.org',
        ],
      },
      {
        level: 3,
        label: 'Severity 3',
        definition:
          'Minor issue affecting a limited number of users or non-critical functionality of Openverse.',
        examples: [
          'A piece of our staging infrastructure has completely failed.',
          'A staging site is down',
          'Greek frontend translations are not displaying, instead falling back to English',
        ],
      },
    ],
  },
  sev4: {
    id: 'sev4',
    name: 'SEV-1 to SEV-4',
    levels: [
      {
        level: 1,
        label: 'SEV-1',
        definition: 'Major outage or data loss affecting many users',
        examples: [],
      },
      {
        level: 2,
        label: 'SEV-2',
        definition: 'Significant degradation or partial feature outage',
        examples: [],
      },
      { level: 3, label: 'SEV-3', definition: 'Minor issue with limited impact', examples: [] },
      { level: 4, label: 'SEV-4', definition: 'Cosmetic or low-risk issue', examples: [] },
    ],
  },
}

export const SEVERITY_SCALE_IDS = Object.keys(SEVERITY_SCALES) as SeverityScaleId[]

export function severityLevel(scale: SeverityScaleId, level: number): SeverityLevel | undefined {
  return SEVERITY_SCALES[scale].levels.find((l) => l.level === level)
}

/** "Severity 2" or "SEV-2"; falls back to "Level n" for a level the scale lacks. */
export function severityLabel(scale: SeverityScaleId, level: number): string {
  return severityLevel(scale, level)?.label ?? `Level ${level}`
}

export function allowedLevels(scale: SeverityScaleId): number[] {
  return SEVERITY_SCALES[scale].levels.map((l) => l.level)
}
