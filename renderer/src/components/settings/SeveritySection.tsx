import { SEVERITY_SCALES } from '../../../../electron/shared/format'
import type { SeverityScaleId, Settings } from '../../../../electron/shared/types'
import { FieldError, useDraft, useSettingsSave } from './fields'

/** Which scale new incidents use; existing incidents keep the scale they were recorded with. */
export function SeveritySection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const [current, setScale] = useDraft<SeverityScaleId>(settings.severityScale, (severityScale) =>
    save('scale', { severityScale }),
  )
  return (
    <fieldset className="field">
      <legend className="label">Severity scale for new incidents</legend>
      <div className="choice-list">
        {Object.values(SEVERITY_SCALES).map((scale) => (
          <label key={scale.id} className="choice">
            <input
              type="radio"
              name="severity-scale"
              checked={current === scale.id}
              onChange={() => setScale(scale.id)}
            />
            <span>
              <strong>{scale.name}</strong>
              <span className="hint">{scale.levels.map((l) => l.label).join(', ')}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="hint">Incidents already recorded keep the scale they were recorded with.</p>
      <FieldError id="scale-error" message={errors.scale} />
    </fieldset>
  )
}
