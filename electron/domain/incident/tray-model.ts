import { formatMoment, humanDuration, type ClockStyle } from '../../shared/time'
import { dueState, dueText, updateDue, type Cadence, type Reminders } from '../comms/cadence'
import type { IncidentSummary } from '../incident'
import { severityLabel } from './severity'
import { STATUS_LABELS } from '../lifecycle/status'
import type { UpdateTrayItem } from '../app-update/policy'

export type TrayState = 'idle' | 'active' | 'due-soon' | 'overdue'

export type TrayItem =
  | { kind: 'record'; label: string }
  | { kind: 'open-from-p2'; label: string }
  | { kind: 'quicknote'; label: string }
  | { kind: 'incident'; id: string; label: string }
  | { kind: 'open'; label: string }
  | { kind: 'settings'; label: string }
  | { kind: 'separator' }
  | { kind: 'quit'; label: string }
  /** The app's own update (domain/app-update/tray.ts places it). */
  | UpdateTrayItem

export interface TrayModel {
  state: TrayState
  tooltip: string
  /** macOS only: text beside the icon, the most urgent countdown. */
  title: string
  items: TrayItem[]
}

const RANK: Record<TrayState, number> = { idle: 0, active: 1, 'due-soon': 2, overdue: 3 }

/** What the tray reads of the settings: the cadence, and the user's zone and clock for times. */
export interface TraySettings {
  cadence: Cadence
  reminders: Reminders
  you: { timeZone: string }
  appearance: { clock: ClockStyle }
}

/**
 * The tray as a pure function of the incidents, the settings, the time and how many
 * notices (a repaired log, a line set aside) the user has not dismissed yet. The menu reads like
 * a dashboard: each active incident, most urgent first, with its severity, status and
 * when its update is due (an item opens it), then the actions.
 */
export function trayModel(
  incidents: readonly IncidentSummary[],
  settings: TraySettings,
  now: number,
  notices = 0,
): TrayModel {
  const active = incidents
    .filter((i) => i.active)
    .map((incident) => {
      const due = updateDue(incident, settings.cadence, settings.reminders)
      return { incident, due, state: dueState(due, now) }
    })
    .sort((a, b) => a.due.dueAt - b.due.dueAt)
  const state = active.reduce<TrayState>((worst, a) => {
    const s: TrayState = a.state === 'ok' ? 'active' : a.state
    return RANK[s] > RANK[worst] ? s : worst
  }, 'idle')
  const first = active[0]
  const count = `${active.length} active incident${active.length === 1 ? '' : 's'}`
  const tooltip = !first
    ? 'Incident Tray: no active incidents'
    : now >= first.due.dueAt
      ? `Incident Tray: ${count} · update overdue by ${humanDuration(now - first.due.dueAt)}`
      : `Incident Tray: ${count} · next update due ${dueTime(first.due.dueAt, settings, now)} (in ${humanDuration(first.due.dueAt - now)})`
  const noticeText = `${notices} notice${notices === 1 ? '' : 's'} to read`
  const title = !first
    ? ''
    : now >= first.due.dueAt
      ? `−${humanDuration(now - first.due.dueAt)}`
      : humanDuration(first.due.dueAt - now)
  return {
    state,
    tooltip: notices > 0 ? `${tooltip} · ${noticeText}` : tooltip,
    title,
    items: [
      // Opens the window, where the notices are shown until dismissed.
      ...(notices > 0
        ? [{ kind: 'open', label: `⚠ ${noticeText}: open the window` } as const]
        : []),
      ...active.map(({ incident, due }): TrayItem => ({
        kind: 'incident',
        id: incident.id,
        label: `${severityLabel(incident.scale, incident.severity)} · ${STATUS_LABELS[incident.status]} · ${incident.title} — ${dueText(due, now)}`,
      })),
      ...(active.length > 0 ? [{ kind: 'separator' } as const] : []),
      { kind: 'record', label: 'Record incident…' },
      // The lead's way in on their own machine: an incident someone else recorded, from its post.
      { kind: 'open-from-p2', label: 'Open from the P2…' },
      // A quick note goes to the incident being worked on: only offered while one is active.
      ...(active.length > 0 ? [{ kind: 'quicknote', label: 'Quick note…' } as const] : []),
      { kind: 'open', label: 'Open Incident Tray' },
      { kind: 'settings', label: 'Settings…' },
      { kind: 'separator' },
      { kind: 'quit', label: 'Quit Incident Tray' },
    ],
  }
}

/** "15:00" (or "3:00 PM"), with the date when the deadline is another day, in the user's zone. */
function dueTime(dueAt: number, settings: TraySettings, now: number): string {
  return formatMoment(dueAt, {
    zone: settings.you.timeZone,
    clock: settings.appearance.clock,
    now,
  })
}
