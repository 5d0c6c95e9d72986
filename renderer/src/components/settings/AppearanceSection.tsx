import {
  CLOCKS,
  THEMES,
  type ClockStyle,
  type Theme,
} from '../../../../electron/domain/settings/preferences'
import type { Settings } from '../../../../electron/domain/settings/settings'
import { FieldError, useDraft, useSettingsSave } from './fields'

export const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
}

const CLOCK_LABELS: Record<ClockStyle, string> = {
  '24h': '24-hour (14:02)',
  '12h': '12-hour (2:02 PM)',
}

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const [current, setTheme] = useDraft(settings.appearance.theme, (theme) =>
    save('theme', { appearance: { theme } }),
  )
  const [clock, setClock] = useDraft(settings.appearance.clock, (clock) =>
    save('clock', { appearance: { clock } }),
  )
  return (
    <>
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
      <fieldset className="field">
        <legend className="label">Clock</legend>
        <div className="segmented">
          {CLOCKS.map((c) => (
            <label key={c}>
              <input type="radio" name="clock" checked={clock === c} onChange={() => setClock(c)} />
              <span>{CLOCK_LABELS[c]}</span>
            </label>
          ))}
        </div>
        <p className="hint">
          Every time on screen uses it: timeline, key times, key moments, countdown. Posts always
          say UTC in 24-hour time.
        </p>
        <FieldError id="clock-error" message={errors.clock} />
      </fieldset>
    </>
  )
}
