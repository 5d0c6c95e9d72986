import { CLOCKS, THEMES } from '../../../../electron/shared/format'
import type { ClockStyle, Theme, Settings } from '../../../../electron/shared/types'
import { FieldError, useDraft, useSettingsSave } from './fields'
import { RadioGroup } from '../common/RadioGroup'

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
      <RadioGroup
        legend="Theme"
        name="theme"
        options={THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }))}
        value={current}
        onChange={setTheme}
      >
        <p className="hint">Severity and status always show as text too, in every theme.</p>
        <FieldError id="theme-error" message={errors.theme} />
      </RadioGroup>
      <RadioGroup
        legend="Clock"
        name="clock"
        options={CLOCKS.map((c) => ({ value: c, label: CLOCK_LABELS[c] }))}
        value={clock}
        onChange={setClock}
      >
        <p className="hint">
          Every time on screen uses it: timeline, key times, key moments, countdown. Posts always
          say UTC in 24-hour time.
        </p>
        <FieldError id="clock-error" message={errors.clock} />
      </RadioGroup>
    </>
  )
}
