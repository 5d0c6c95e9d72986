import { useState } from 'react'
import { displayAccelerator, SHORTCUT_LABELS } from '../../../../electron/shared/format'
import type { Settings, ShortcutAction } from '../../../../electron/shared/types'
import { acceleratorFromKeyPress } from '../../accelerator'
import { IS_MAC } from '../../keys'
import { FieldError, useSettingsSave } from './fields'

/** Global shortcuts work while another app has focus; each is recorded by pressing it. */
export function ShortcutsSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  return (
    <>
      <p className="hint">
        These work from any app. Click a shortcut, then press the new keys; Esc cancels.
      </p>
      {(Object.keys(SHORTCUT_LABELS) as ShortcutAction[]).map((action) => (
        <ShortcutRecorder
          key={action}
          label={SHORTCUT_LABELS[action]}
          accelerator={settings.shortcuts[action]}
          error={errors[action]}
          onRecord={(accelerator) => save(action, { shortcuts: { [action]: accelerator } })}
        />
      ))}
    </>
  )
}

export function ShortcutRecorder({
  label,
  accelerator,
  error,
  onRecord,
}: {
  label: string
  accelerator: string
  error: string | undefined
  onRecord(accelerator: string): Promise<boolean> | void
}) {
  const [recording, setRecording] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const errorId = `shortcut-${label.replace(/\W+/g, '-').toLowerCase()}-error`
  const shown = problem ?? error
  return (
    <div className="field shortcut-field">
      <span className="label" id={`${errorId}-label`}>
        {label}
      </span>
      <button
        type="button"
        className={`shortcut-recorder${recording ? ' recording' : ''}`}
        aria-labelledby={`${errorId}-label ${errorId}-value`}
        aria-describedby={shown ? errorId : undefined}
        aria-invalid={shown ? true : undefined}
        onClick={() => {
          setProblem(undefined)
          setRecording(true)
        }}
        onBlur={() => setRecording(false)}
        onKeyDown={(event) => {
          if (!recording) return
          // Keys go to the recorder, not to the dialog (Esc) or the form (Enter).
          event.preventDefault()
          event.stopPropagation()
          if (event.key === 'Escape') {
            setRecording(false)
            return
          }
          const result = acceleratorFromKeyPress(event, IS_MAC)
          if (result.kind === 'waiting') return
          setRecording(false)
          if (result.kind === 'invalid') setProblem(result.message)
          else void onRecord(result.accelerator)
        }}
      >
        <span id={`${errorId}-value`}>
          {recording ? 'Press the new shortcut…' : displayAccelerator(accelerator, IS_MAC)}
        </span>
      </button>
      <FieldError id={errorId} message={shown} />
    </div>
  )
}
