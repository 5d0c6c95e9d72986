import {
  measureLabel,
  type Measure,
  type Mitigation,
  type ThirdParty,
  type Followup,
} from './mitigation'
import type { MitigationEvent } from './events'
import type { Incident } from '../incident'
import { lifecycleItem } from '../timeline/lifecycle-item'

/** How the registers (alarms, measures, parties, follow-ups, the runbook) change the incident. */
export function reduceMitigation(incident: Incident, event: MitigationEvent): Incident {
  const { alarms, measures, parties, followups, runbook } = incident
  const registers = { alarms, measures, parties, followups, runbook }
  const { registers: after, text } = registerChange(registers, event)
  // The runbook's own ticks are bookkeeping: left out of posts and reports.
  const internal = event.type === 'runbook.linked' || event.type === 'runbook.step-checked'
  return {
    ...incident,
    ...after,
    timeline: incident.timeline.append(lifecycleItem(event, text, { internal })),
  }
}

type Change = { registers: Mitigation; text: string }
type AlarmOrMeasure = Extract<MitigationEvent, { type: `alarm.${string}` | `measure.${string}` }>
type RunbookEvent = Extract<MitigationEvent, { type: `runbook.${string}` }>
type OtherRegister = Exclude<MitigationEvent, AlarmOrMeasure | RunbookEvent>

/** One register event: the registers after it and the timeline text. Never mutates. */
function registerChange(m: Mitigation, e: MitigationEvent): Change {
  if (e.type.startsWith('alarm.') || e.type.startsWith('measure.')) {
    return alarmOrMeasure(m, e as AlarmOrMeasure)
  }
  if (e.type.startsWith('runbook.')) return runbookChange(m, e as RunbookEvent)
  return otherRegister(m, e as OtherRegister)
}

/** Silenced alarms and temporary measures. */
function alarmOrMeasure(m: Mitigation, e: AlarmOrMeasure): Change {
  const by = ` (${e.by})`
  switch (e.type) {
    case 'alarm.silenced':
      return {
        registers: {
          ...m,
          alarms: [
            ...m.alarms,
            {
              id: e.alarmId,
              name: e.name,
              link: e.link,
              silencedAt: e.at,
              silencedBy: e.by,
              reenabledAt: null,
              reenabledBy: null,
            },
          ],
        },
        text: `Silenced alarm “${e.name}”${by}`,
      }
    case 'alarm.reenabled': {
      const alarm = find(m.alarms, e.alarmId, 'alarm')
      return {
        registers: {
          ...m,
          alarms: replace(m.alarms, { ...alarm, reenabledAt: e.at, reenabledBy: e.by }),
        },
        text: `Re-enabled alarm “${alarm.name}”${by}`,
      }
    }
    case 'measure.started': {
      const measure: Measure = {
        id: e.measureId,
        kind: e.kind,
        what: e.what,
        undoPlan: e.undoPlan,
        backupConfirmed: e.backupConfirmed,
        startedAt: e.at,
        startedBy: e.by,
        undos: [],
        undoneAt: null,
        keptReason: null,
      }
      const backup = e.backupConfirmed ? '; backup confirmed' : ''
      return {
        registers: { ...m, measures: [...m.measures, measure] },
        text: `Temporary measure: ${measureLabel(measure)}${by}${backup}. Undo plan: ${e.undoPlan}`,
      }
    }
    case 'measure.undone': {
      const measure = find(m.measures, e.measureId, 'measure')
      const undo = { at: e.at, by: e.by, note: e.note, full: e.full }
      const next = {
        ...measure,
        undos: [...measure.undos, undo],
        undoneAt: e.full ? e.at : measure.undoneAt,
      }
      const how = e.full ? 'Undid' : 'Partly undid'
      const note = e.note ? `: ${e.note}` : ''
      return {
        registers: { ...m, measures: replace(m.measures, next) },
        text: `${how} ${measureLabel(measure)}${note}${by}`,
      }
    }
    case 'measure.kept': {
      const measure = find(m.measures, e.measureId, 'measure')
      return {
        registers: { ...m, measures: replace(m.measures, { ...measure, keptReason: e.reason }) },
        text: `Kept ${measureLabel(measure)} on purpose: ${e.reason}${by}`,
      }
    }
    default: {
      const unknown: never = e
      throw new Error(`Mitigation event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

/** Third parties, follow-ups and the runbook. */
function otherRegister(m: Mitigation, e: OtherRegister): Change {
  const by = ` (${e.by})`
  switch (e.type) {
    case 'party.contacted': {
      const party: ThirdParty = {
        id: e.partyId,
        who: e.who,
        channel: e.channel,
        contactedAt: e.at,
        contactedBy: e.by,
        reference: e.reference,
        answer: '',
      }
      const ref = e.reference ? `, reference ${e.reference}` : ''
      return {
        registers: { ...m, parties: [...m.parties, party] },
        text: `Contacted ${e.who} via ${e.channel}${ref}${by}`,
      }
    }
    case 'party.updated': {
      const party = find(m.parties, e.partyId, 'third party')
      const next = {
        ...party,
        reference: e.reference ?? party.reference,
        answer: e.answer ?? party.answer,
      }
      const parts = [
        e.reference !== undefined && `reference ${e.reference}`,
        e.answer !== undefined && `answer: ${e.answer}`,
      ].filter(Boolean)
      return {
        registers: { ...m, parties: replace(m.parties, next) },
        text: `${party.who}: ${parts.join('; ')}${by}`,
      }
    }
    case 'followup.added': {
      const followup: Followup = {
        id: e.followupId,
        title: e.title,
        url: e.url,
        critical: e.critical,
        done: false,
        addedAt: e.at,
      }
      return {
        registers: { ...m, followups: [...m.followups, followup] },
        text: `Follow-up issue${e.critical ? ' (critical)' : ''}: ${e.title}${by}`,
      }
    }
    case 'followup.updated': {
      const followup = find(m.followups, e.followupId, 'follow-up')
      const next = {
        ...followup,
        done: e.done ?? followup.done,
        critical: e.critical ?? followup.critical,
      }
      const what =
        e.done !== undefined
          ? e.done
            ? 'done'
            : 'open again'
          : next.critical
            ? 'marked critical'
            : 'no longer critical'
      return {
        registers: { ...m, followups: replace(m.followups, next) },
        text: `Follow-up “${followup.title}” ${what}${by}`,
      }
    }
    default: {
      const unknown: never = e
      throw new Error(`Mitigation event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

/** The linked runbook and its ticked steps. */
function runbookChange(m: Mitigation, e: RunbookEvent): Change {
  const by = ` (${e.by})`
  switch (e.type) {
    case 'runbook.linked':
      return {
        registers: {
          ...m,
          runbook: {
            id: e.runbookId,
            title: e.title,
            url: e.url,
            steps: e.steps.map((text) => ({ text, done: false })),
          },
        },
        text: `Linked runbook “${e.title}”${by}`,
      }
    case 'runbook.step-checked': {
      const runbook = m.runbook
      const step = runbook?.steps[e.step]
      if (!runbook || !step) throw new Error(`No runbook step ${e.step} to check`)
      const steps = runbook.steps.map((s, i) => (i === e.step ? { ...s, done: e.done } : s))
      return {
        registers: { ...m, runbook: { ...runbook, steps } },
        text: `${e.done ? 'Done' : 'Not done after all'}: runbook step “${step.text}”${by}`,
      }
    }
    default: {
      const unknown: never = e
      throw new Error(`Runbook event ${(unknown as { type: string }).type} is not known.`)
    }
  }
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const found = list.find((x) => x.id === id)
  if (!found) throw new Error(`No ${what} ${id} in this incident`)
  return found
}

function replace<T extends { id: string }>(list: readonly T[], next: T): T[] {
  return list.map((x) => (x.id === next.id ? next : x))
}
