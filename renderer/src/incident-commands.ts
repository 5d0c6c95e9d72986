import { OUTPUT_IDS, STATUS_LABELS } from '../../electron/shared/format'
import type { OutputId } from '../../electron/shared/types'
import { api } from './api'
import type { Command } from './commands'
import { registerCommands } from './commands'
import { IS_MAC } from './keys'
import { useApp } from './store'
import { PANELS, panelKey } from './workspace'

const OUTPUT_TITLES: Record<OutputId, string> = {
  'p2-post': 'P2 incident post',
  'p2-comment': 'P2 status comment',
  slack: 'Slack message',
  signal: 'Signal alert',
  'make-investigating': 'Make post (investigating)',
  'make-resolved': 'Make post (resolved)',
  'reply-investigating': 'reply to the reporter',
  'reply-resolved': 'follow-up to the reporter',
  'github-bug': 'GitHub bug report',
  'github-stabilize': 'GitHub stabilization task',
  'runbook-line': 'runbook line',
}

/** Clicks a button on the incident screen, so the palette opens the same dialog a click would. */
function press(selector: string, text?: string): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>(selector)]
  const button = text ? buttons.find((b) => b.textContent?.includes(text)) : buttons[0]
  button?.scrollIntoView({ block: 'center' })
  button?.click()
}

/** Actions on the selected incident: write on the timeline, capture, change status, copy posts. */
registerCommands('incident', () => {
  const { selected, snapshot, showError } = useApp.getState()
  if (!selected) return []
  const logged = snapshot?.settings.comms.logCopiesOf ?? []
  const copy = (output: OutputId): Command => ({
    id: `copy-${output}`,
    title: `Copy ${OUTPUT_TITLES[output]}`,
    keywords: 'communication post clipboard',
    run: () =>
      void api.comms
        .copy({ id: selected.id, output, log: logged.includes(output) })
        .then((result) => !result.ok && showError(result.error.message)),
  })
  const writable: Command[] = [
    {
      id: 'add-note',
      title: 'Add a note to the timeline',
      keywords: 'write timeline scratchpad',
      run: () =>
        document
          .querySelector<HTMLElement>('form[aria-label="Add to the timeline"] textarea')
          ?.focus(),
    },
    {
      id: 'capture',
      title: 'Take a screenshot',
      keywords: 'capture screen image',
      run: () => press('.timeline button', 'Screenshot'),
    },
  ]
  const panels = PANELS.map((p): Command => ({
    id: `panel-${p.id}`,
    title: `Show ${p.label}`,
    shortcut: panelKey(p.id, IS_MAC),
    keywords: 'panel open workspace',
    run: () => useApp.getState().showPanel(p.id),
  }))
  return [
    ...panels,
    // A resolved incident's timeline is read-only.
    ...(selected.active ? writable : []),
    {
      id: 'export-incident',
      title: 'Export this incident (report.md and images, .zip)',
      keywords: 'save download archive markdown',
      run: () =>
        void api.incident
          .export({ id: selected.id })
          .then((result) => !result.ok && showError(result.error.message)),
    },
    ...selected.moves.map(({ to }): Command => ({
      id: `move-${to}`,
      title: `Change status to ${STATUS_LABELS[to]}`,
      keywords: 'status move lifecycle',
      run: () => press('[aria-label="Move to"] button', STATUS_LABELS[to]),
    })),
    ...OUTPUT_IDS.map(copy),
  ]
})
