import { SEVERITY_SCALES } from '../../../../electron/shared/format'
import type { Cadence, Settings } from '../../../../electron/shared/types'
import { TextSetting, useSettingsSave } from './fields'

/** Minutes between status updates per level (policy: hourly for Severity 1, daily otherwise). */
export function CadenceSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const levels = SEVERITY_SCALES[settings.severityScale].levels
  return (
    <>
      {levels.map((level) => {
        const key = String(level.level) as keyof Cadence
        return (
          <TextSetting
            key={key}
            label={`${level.label}: post a status update every … minutes`}
            value={String(settings.cadence[key])}
            hint={key === '1' ? 'The policy asks for hourly updates (60).' : 'Daily is 1440.'}
            error={errors[key]}
            onCommit={(value) => {
              // Anything that is not a number goes to the host as typed, which says what is wrong.
              const minutes = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value
              void save(key, { cadence: { [key]: minutes } as Partial<Cadence> })
            }}
          />
        )
      })}
    </>
  )
}
