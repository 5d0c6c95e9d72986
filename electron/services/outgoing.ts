import { MASK_ALL, maskingPolicy, releaseText, type MaskingPolicy } from '../domain/comms/outgoing'
import { OUTPUT_IDS } from '../domain/comms/outputs'
import type { Incident } from '../domain/incident'
import type { TrayModel } from '../domain/incident/tray-model'
import type { Ports } from './ports'

/**
 * Every path by which text leaves the app. The masking test (outgoing.test.ts) runs each one
 * from a table keyed by these ids, so a new output must be added here and proven masked.
 */
export const OUTGOING_PATHS = [
  ...OUTPUT_IDS.map((id) => `comms:${id}` as const),
  'comms:title',
  'comms:handoff',
  'retro:copy',
  'retro:export-md',
  'retro:export-html',
  'incident:export',
  'notification:update',
  'notification:lead',
  'notification:retro',
  'notification:alarm',
  'tray',
] as const
export type OutgoingPath = (typeof OUTGOING_PATHS)[number]

/**
 * The ports as handlers and reminders see them: every text written to the clipboard, a saved
 * file or a notification passes releaseText with the masking state of the incident it belongs
 * to (all secrets masked when it names none). Raw ports never reach a feature.
 */
export function maskedPorts(ports: Ports, incident: (id: string) => Incident | undefined): Ports {
  const policy = (id: string | undefined): MaskingPolicy => {
    const found = id ? incident(id) : undefined
    return found ? maskingPolicy(found) : MASK_ALL
  }
  return {
    ...ports,
    clipboard: {
      write: ({ text, html, incidentId }) => {
        const p = policy(incidentId)
        ports.clipboard.write(
          html === undefined
            ? { text: releaseText(text, p) }
            : { text: releaseText(text, p), html: releaseText(html, p) },
        )
      },
    },
    notifier: {
      show: (n) => {
        const p = policy(n.incidentId)
        ports.notifier.show({ ...n, title: releaseText(n.title, p), body: releaseText(n.body, p) })
      },
    },
    files: {
      // Zip files are built from texts that passed releaseText already (report.md).
      save: (name, content, incidentId) =>
        ports.files.save(
          name,
          typeof content === 'string' ? releaseText(content, policy(incidentId)) : content,
          incidentId,
        ),
    },
  }
}

/** The tray shows incident titles: never a secret in them (titles have no unmask). */
export function maskedTray(model: TrayModel): TrayModel {
  return JSON.parse(JSON.stringify(model), (_key, value: unknown) =>
    typeof value === 'string' ? releaseText(value) : value,
  ) as TrayModel
}
