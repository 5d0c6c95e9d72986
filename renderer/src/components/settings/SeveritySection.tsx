import { SEVERITY_SCALES, type SeverityScaleId } from '../../../../electron/domain/severity'
import type { Settings } from '../../../../electron/domain/settings'
import { FieldError, useSettingsSave } from './fields'

/** Which scale new incidents use; existing incidents keep the scale they were recorded with. */
export function SeveritySection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  return (
    <fieldset className="field">
      <legend className="label">Severity scale for new incidents</legend>
      <div className="choice-list">
        {Object.values(SEVERITY_SCALES).map((scale) => (
          <label key={scale.id} className="choice">
            <input
              type="radio"
              name="severity-scale"
              checked={settings.severityScale === scale.id}
              onChange={() =>
                void save('scale', { severityScale: scale.id satisfies SeverityScaleId })
              }
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
