import { UserError } from '../incident/errors'
import type { Incident } from '../incident'
import { isOutstanding, isSilenced, measureLabel } from '../mitigation/mitigation'

export type ChecklistKind = 'alarm' | 'measure' | 'communication' | 'summary'

/** One thing still open before Resolved. */
export interface ChecklistItem {
  kind: ChecklistKind
  /** Short name: the alarm, the measure, the communication item. */
  label: string
  /** The line the user reads. */
  text: string
  /** The alarm's, measure's or communication item's id, so it can be acted on where it is shown. */
  ref?: string
}

export interface ChecklistExtra {
  /** Open items of the communication checklist, passed in by whoever owns them. */
  communicationItemsOpen?: readonly { id: string; label: string }[]
}

type ResolveFacts = Pick<Incident, 'alarms' | 'measures' | 'solutionSummary'>

/** What is outstanding before the incident may be Resolved; empty when it may. */
export function resolveChecklist(
  incident: ResolveFacts,
  extra: ChecklistExtra = {},
): ChecklistItem[] {
  const items: ChecklistItem[] = []
  for (const alarm of incident.alarms.filter(isSilenced)) {
    items.push({
      kind: 'alarm',
      label: alarm.name,
      ref: alarm.id,
      text: `Alarm “${alarm.name}” is still silenced: re-enable it.`,
    })
  }
  for (const measure of incident.measures.filter(isOutstanding)) {
    const label = measureLabel(measure)
    const partly = measure.undos.length > 0 ? ' (partly undone)' : ''
    items.push({
      kind: 'measure',
      label,
      ref: measure.id,
      text: `Temporary measure “${label}”${partly} is not undone: undo it or keep it with a reason.`,
    })
  }
  for (const { id, label } of extra.communicationItemsOpen ?? []) {
    items.push({
      kind: 'communication',
      label,
      ref: id,
      text: `Communication not done: ${label}.`,
    })
  }
  if (!incident.solutionSummary?.trim()) {
    items.push({
      kind: 'summary',
      label: 'solution summary',
      text: 'No solution summary: say in a sentence how it was solved.',
    })
  }
  return items
}

const GROUPS: Record<ChecklistKind, (n: number) => string> = {
  alarm: (n) => `${n} alarm${n === 1 ? '' : 's'} still silenced`,
  measure: (n) => `${n} measure${n === 1 ? '' : 's'} not undone`,
  communication: (n) => `${n} communication item${n === 1 ? '' : 's'} open`,
  summary: () => 'no solution summary',
}

/** "2 alarms still silenced (API 5xx, DB CPU); 1 measure not undone (…)". */
export function describeOutstanding(items: readonly ChecklistItem[]): string {
  const kinds = Object.keys(GROUPS) as ChecklistKind[]
  return kinds
    .map((kind) => {
      const of = items.filter((i) => i.kind === kind)
      if (!of.length) return ''
      const group = GROUPS[kind](of.length)
      return kind === 'summary' ? group : `${group} (${of.map((i) => i.label).join(', ')})`
    })
    .filter(Boolean)
    .join('; ')
}

/**
 * Throws 'resolve-blocked' while anything is outstanding, unless overridden with a reason.
 * Returns the outstanding lines (for the `resolve.overridden` event) when it lets it through.
 */
export function assertCanResolve(
  incident: ResolveFacts,
  override?: { reason: string },
  extra?: ChecklistExtra,
): string[] {
  const items = resolveChecklist(incident, extra)
  if (!items.length) return []
  if (override?.reason.trim()) return items.map((i) => i.text)
  const undoable = items.filter((i) => i.kind === 'alarm' || i.kind === 'measure')
  const communication = items.filter((i) => i.kind === 'communication')
  const them = (n: number) => (n === 1 ? 'it' : 'them')
  const fix = undoable.length
    ? `Re-enable ${them(undoable.length)}`
    : communication.length
      ? `Finish ${them(communication.length)}`
      : 'Write one'
  throw new UserError(
    'resolve-blocked',
    `Can't resolve yet: ${describeOutstanding(items)}. ${fix}, or resolve anyway with a reason.`,
  )
}
