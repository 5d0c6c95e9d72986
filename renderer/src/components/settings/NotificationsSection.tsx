import { WEEKDAYS } from '../../../../electron/shared/format'
import type { Settings } from '../../../../electron/shared/types'
import { FieldError, useDraft, useSettingsSave } from './fields'
import { systemTimeZone } from '../../../../electron/shared/time'

/** Quiet hours are everything outside working hours; only Severity 1 may break them. */
export function NotificationsSection({ settings }: { settings: Settings }) {
  const { errors, save } = useSettingsSave()
  const { workingHours, timeZone } = settings.you
  const [quiet, setQuiet] = useDraft(settings.notifications.onlySeverity1OutsideWorkingHours, (v) =>
    save('quiet', { notifications: { onlySeverity1OutsideWorkingHours: v } }),
  )
  const days = workingHours.days.map((d) => WEEKDAYS[d - 1]).join(', ')
  const off = WEEKDAYS.filter((_, i) => !workingHours.days.includes(i + 1)).join(', ')
  return (
    <>
      <div className="field">
        <span className="label">Quiet hours</span>
        <p className="quiet-hours">
          Outside your working hours: {days} before {workingHours.start} and after{' '}
          {workingHours.end}
          {off ? `, and all day ${off}` : ''} ({timeZone || systemTimeZone()}). Change them under
          “You”.
        </p>
      </div>
      <label className="choice">
        <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
        <span>
          <strong>During quiet hours, notify only for Severity 1</strong>
          <span className="hint">
            Reminders for other levels wait until your working hours start.
          </span>
        </span>
      </label>
      <FieldError id="quiet-error" message={errors.quiet} />
    </>
  )
}
