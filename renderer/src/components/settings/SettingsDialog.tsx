import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { SETTINGS_SECTIONS } from '../../settings-sections'
import { useApp } from '../../store'
import { MOD } from '../../keys'
import { ModalDialog } from '../common/ModalDialog'
import { useCompact } from '../../useCompact'
import './SettingsDialog.css'

/**
 * One place for every setting: sections on the left, the chosen one's form on the right. Docked
 * (a narrow window) the sections are one "Section" choice above the form, which keeps the width.
 */
export function SettingsDialog() {
  const compact = useCompact()
  const { settings, sectionId, open, close } = useApp(
    useShallow((s) => ({
      settings: s.snapshot!.settings,
      sectionId: s.settingsSection,
      open: s.openSettings,
      close: s.closeSettings,
    })),
  )
  const nav = useRef<HTMLUListElement>(null)
  const section = SETTINGS_SECTIONS.find((s) => s.id === sectionId) ?? SETTINGS_SECTIONS[0]!

  // Up/Down move through the section list, like a native preferences window.
  const onNavKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const i = SETTINGS_SECTIONS.indexOf(section)
    const next =
      SETTINGS_SECTIONS[
        (i + (event.key === 'ArrowDown' ? 1 : -1) + SETTINGS_SECTIONS.length) %
          SETTINGS_SECTIONS.length
      ]!
    open(next.id)
    nav.current?.querySelector<HTMLButtonElement>(`[data-section="${next.id}"]`)?.focus()
  }

  return (
    <ModalDialog
      className="dialog settings-dialog"
      aria-labelledby="settings-heading"
      onClose={close}
    >
      <header className="settings-top">
        <h2 id="settings-heading">Settings</h2>
        <span className="hint">Changes are saved as you make them.</span>
        <button type="button" onClick={close} title="Close settings (Esc)">
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="settings-body">
        {compact ? (
          <label className="settings-nav-select">
            Section
            <select value={section.id} onChange={(e) => open(e.target.value as typeof section.id)}>
              {SETTINGS_SECTIONS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <nav className="settings-nav" aria-label="Settings sections">
            <ul ref={nav} onKeyDown={onNavKey}>
              {SETTINGS_SECTIONS.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    data-section={s.id}
                    aria-current={s.id === section.id ? 'page' : undefined}
                    // Opening lands on the current section, so arrows and Tab start from there.
                    autoFocus={s.id === section.id}
                    onClick={() => open(s.id)}
                  >
                    {s.title}
                  </button>
                </li>
              ))}
            </ul>
            <p className="hint settings-nav-hint">
              <kbd>{MOD}+,</kbd> opens settings
            </p>
          </nav>
        )}
        <section className="settings-section" aria-labelledby="settings-section-title">
          <h3 id="settings-section-title">{section.title}</h3>
          <p className="hint">{section.summary}</p>
          <section.Component key={section.id} settings={settings} />
        </section>
      </div>
    </ModalDialog>
  )
}
