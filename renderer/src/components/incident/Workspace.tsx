import { Component, useEffect, useRef, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { IS_MAC } from '../../keys'
import { useApp } from '../../store'
import { PANELS, panelForKey, panelKey, type PanelId } from '../../workspace'
import { ClosedRecordBanner, NewerVersionBanner, ReadOnly } from './ClosedRecord'
import { CommsPanel } from '../comms/CommsPanel'
import { DetailsPanel } from './DetailsPanel'
import { IncidentHeader } from './IncidentHeader'
import { KeyTimesPanel } from './KeyTimesPanel'
import { MitigationPanel } from '../mitigation/MitigationPanel'
import { RetroSection } from '../retro/RetroSection'
import { Timeline } from '../timeline/Timeline'
import './Workspace.css'
import './Workspace.compact.css'

/**
 * The incident workspace: a header that never scrolls away, the timeline as the main
 * surface, and the rest in named panels beside it (wide) or over it (compact, chosen from a menu).
 */
export function Workspace({ incident }: { incident: IncidentViewModel }) {
  const { panel, panelOpen, showPanel, closePanel } = useApp(
    useShallow((s) => ({
      panel: s.panel,
      panelOpen: s.panelOpen,
      showPanel: s.showPanel,
      closePanel: s.closePanel,
    })),
  )
  const readOnly = !incident.active || Boolean(incident.readOnly)
  const root = useRef<HTMLDivElement>(null)
  usePanelKeys(showPanel)

  // Opening an incident puts the cursor in the composer: the scratchpad comes first.
  useEffect(() => {
    root.current
      ?.querySelector<HTMLTextAreaElement>('form[aria-label="Add to the timeline"] textarea')
      ?.focus({ preventScroll: true })
  }, [incident.id])

  return (
    <ReadOnly.Provider value={readOnly}>
      <div className={`workspace${panelOpen ? ' panel-open' : ''}`} ref={root}>
        <div className="workspace-head">
          {/* Written by a newer app: every control is off, the banner says why. */}
          <fieldset className="plain" disabled={Boolean(incident.readOnly)}>
            <IncidentHeader incident={incident} />
          </fieldset>
          {incident.readOnly ? (
            <NewerVersionBanner message={incident.readOnly} />
          ) : (
            !incident.active && <ClosedRecordBanner incident={incident} />
          )}
          <PanelMenu current={panel} onPick={showPanel} />
        </div>
        <div className="workspace-body">
          <div className="workspace-main">
            <Timeline incident={incident} />
          </div>
          <aside className="workspace-side" aria-label="Panels">
            <div className="panel-bar">
              <PanelTabs current={panel} onPick={showPanel} />
              <button type="button" className="panel-close" onClick={closePanel}>
                ← Timeline
              </button>
            </div>
            <div
              className="panel-body"
              id="workspace-panel"
              role="tabpanel"
              aria-labelledby={`panel-tab-${panel}`}
              tabIndex={-1}
            >
              <PanelBoundary key={`${incident.id}-${panel}`}>
                <PanelContent panel={panel} incident={incident} readOnly={readOnly} />
              </PanelBoundary>
            </div>
          </aside>
        </div>
      </div>
    </ReadOnly.Provider>
  )
}

function PanelContent(props: { panel: PanelId; incident: IncidentViewModel; readOnly: boolean }) {
  const { incident } = props
  switch (props.panel) {
    case 'mitigation':
      return (
        <fieldset className="plain" disabled={props.readOnly}>
          <MitigationPanel key={incident.id} incident={incident} />
        </fieldset>
      )
    case 'comms':
      return <CommsPanel incident={incident} />
    case 'key-times':
      return <KeyTimesPanel incident={incident} />
    case 'retro':
      return <RetroSection incident={incident} />
    case 'details':
      return <DetailsPanel incident={incident} />
  }
}

/** The wide window's tabs over the panel (the compact one has PanelMenu instead). */
function PanelTabs({ current, onPick }: { current: PanelId; onPick: (id: PanelId) => void }) {
  return (
    <div className="panel-tabs" role="tablist" aria-label="Panels">
      {PANELS.map((p) => (
        <button
          key={p.id}
          type="button"
          role="tab"
          id={`panel-tab-${p.id}`}
          aria-selected={p.id === current}
          aria-controls="workspace-panel"
          // Its whole name, also where it shows a short one.
          aria-label={p.label}
          title={`${p.label} (${panelKey(p.id, IS_MAC)})`}
          onClick={() => onPick(p.id)}
        >
          {'short' in p ? (
            <>
              <span className="tab-long">{p.label}</span>
              <span className="tab-short">{p.short}</span>
            </>
          ) : (
            p.label
          )}
        </button>
      ))}
    </div>
  )
}

/** The compact window's way to the panels (wide windows show the tabs instead). */
function PanelMenu({ current, onPick }: { current: PanelId; onPick: (id: PanelId) => void }) {
  const menu = useRef<HTMLDetailsElement>(null)
  return (
    <details className="panel-menu" ref={menu}>
      <summary>Panels</summary>
      <ul>
        {PANELS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              aria-current={p.id === current ? 'true' : undefined}
              onClick={() => {
                if (menu.current) menu.current.open = false
                onPick(p.id)
              }}
            >
              {p.label} <kbd>{panelKey(p.id, IS_MAC)}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

/** Alt+1…5 (Ctrl+1…5 on macOS) opens a panel and moves focus into it. */
function usePanelKeys(showPanel: (id: PanelId) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const id = panelForKey(event, IS_MAC)
      if (!id) return
      event.preventDefault()
      showPanel(id)
      requestAnimationFrame(() => document.getElementById('workspace-panel')?.focus())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [showPanel])
}

/** A panel that fails to draw says so in its place; the timeline and the other panels go on. */
class PanelBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="banner error" role="alert">
        <span>This panel could not be shown: {this.state.error.message}</span>
        <button type="button" className="link" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
