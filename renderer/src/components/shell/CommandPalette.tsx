import { useEffect, useMemo, useState } from 'react'
import { allCommands, type Command } from '../../commands'
import { fuzzyFilter } from '../../fuzzy'
import { useApp } from '../../store'
import { ModalDialog } from '../common/ModalDialog'
import './CommandPalette.css'

/** CmdOrCtrl+K: every action by keyboard. Arrows move, Enter runs, Esc closes. */
export function CommandPalette() {
  const close = useApp((s) => s.closePalette)
  // Read once when opened: the palette lists what can be done now.
  const [commands] = useState<Command[]>(allCommands)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const shown = useMemo(
    () => fuzzyFilter(query, commands, (c) => `${c.title} ${c.keywords ?? ''}`),
    [query, commands],
  )
  const current = shown[Math.min(active, shown.length - 1)]

  useEffect(() => {
    document.getElementById(`command-${current?.id}`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const run = (command: Command | undefined) => {
    if (!command) return
    close()
    // After the palette has closed and focus has returned, so a dialog it opens keeps focus.
    queueMicrotask(() => command.run())
  }

  return (
    // Focus goes back where it was when the palette closes.
    <ModalDialog
      className="dialog palette"
      aria-label="Command palette"
      onClose={close}
      restoreFocus
      closeOnBackdrop
    >
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={current ? `command-${current.id}` : undefined}
        aria-label="Type a command"
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const step = e.key === 'ArrowDown' ? 1 : -1
            setActive((i) => (Math.min(i, shown.length - 1) + step + shown.length) % shown.length)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            run(current)
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((command) => (
          <li
            key={command.id}
            id={`command-${command.id}`}
            role="option"
            aria-selected={command === current}
            className="palette-item"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(command)}
          >
            <span>{command.title}</span>
            {command.shortcut && <kbd>{command.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="palette-empty" role="status">
          No command matches “{query}”.
        </p>
      )}
    </ModalDialog>
  )
}
