import type { IncidentSummary } from './incident'
import { severityLabel } from './severity'
import { STATUS_LABELS } from './status'

export type TrayState = 'idle' | 'active' | 'due-soon' | 'overdue'

export type TrayItem =
  | { kind: 'record'; label: string }
  | { kind: 'incident'; id: string; label: string }
  | { kind: 'open'; label: string }
  | { kind: 'separator' }
  | { kind: 'quit'; label: string }

export interface TrayModel {
  state: TrayState
  tooltip: string
  /** macOS only: text beside the icon. */
  title: string
  items: TrayItem[]
}

/** The tray as a pure function of the incidents: main only applies it. */
export function trayModel(incidents: readonly IncidentSummary[]): TrayModel {
  const active = incidents.filter((i) => i.active)
  const tooltip =
    active.length === 0
      ? 'Incident Tray: no active incidents'
      : `Incident Tray: ${active.length} active incident${active.length === 1 ? '' : 's'}`
  return {
    state: active.length === 0 ? 'idle' : 'active',
    tooltip,
    title: '',
    items: [
      { kind: 'record', label: 'Record incident…' },
      ...(active.length > 0 ? [{ kind: 'separator' } as const] : []),
      ...active.map((i): TrayItem => ({
        kind: 'incident',
        id: i.id,
        label: `${severityLabel(i.scale, i.severity)} · ${STATUS_LABELS[i.status]} · ${i.title}`,
      })),
      { kind: 'separator' },
      { kind: 'open', label: 'Open scratchpad' },
      { kind: 'quit', label: 'Quit Incident Tray' },
    ],
  }
}
