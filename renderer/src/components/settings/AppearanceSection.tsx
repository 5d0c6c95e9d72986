import { THEMES, type Theme } from '../../../../electron/domain/preferences'
import type { Settings } from '../../../../electron/domain/settings'
import { FieldError, useDraft, useSettingsSave } from './fields'

export const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
}

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const [current, setTheme] = useDraft(settings.appearance.theme, (theme) =>
    save('theme', { appearance: { theme } }),
  )
  return (
    <fieldset className="field">
      <legend className="label">Theme</legend>
      <div className="segmented">
        {THEMES.map((theme) => (
          <label key={theme}>
            <input
              type="radio"
              name="theme"
              checked={current === theme}
              onChange={() => setTheme(theme)}
            />
            <span>{THEME_LABELS[theme]}</span>
          </label>
        ))}
      </div>
      <p className="hint">Severity and status always show as text too, in every theme.</p>
      <FieldError id="theme-error" message={errors.theme} />
    </fieldset>
  )
}
