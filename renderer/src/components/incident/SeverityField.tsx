import type { SeverityScale } from '../../../../electron/shared/types'

/** The estimated severity: the policy's levels with their definitions and the runbook's examples. */
export function SeverityField(props: {
  scale: SeverityScale
  severity: number | null
  onChange: (level: number) => void
}) {
  const shown = props.scale.levels.find((l) => l.level === props.severity)
  return (
    <fieldset className="field">
      <legend className="label">Estimated severity</legend>
      <div className="severity-options">
        {props.scale.levels.map((level) => (
          <label key={level.level} className={`severity-option sev-${Math.min(level.level, 4)}`}>
            <input
              type="radio"
              name="severity"
              value={level.level}
              checked={props.severity === level.level}
              onChange={() => props.onChange(level.level)}
            />
            <span className="severity-option-label">{level.label}</span>
            <span className="severity-option-def">{level.definition}</span>
          </label>
        ))}
      </div>
      <div className="severity-examples" aria-live="polite">
        {shown && shown.examples.length > 0 ? (
          <>
            <span className="label-small">{shown.label} examples from the runbook:</span>
            <ul>
              {shown.examples.map((ex) => (
                <li key={ex}>{ex}</li>
              ))}
            </ul>
          </>
        ) : (
          <span className="hint">
            {shown ? '' : 'Use your best judgement; the severity can be changed later.'}
          </span>
        )}
      </div>
    </fieldset>
  )
}
