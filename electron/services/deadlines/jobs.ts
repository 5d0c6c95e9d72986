import { alarmReminderJob } from '../alarm-reminder'
import { leadReminderJob } from '../lead-reminder'
import { retroReminderJob } from '../retro-reminder'
import { updateReminderJob } from '../update-scheduler'
import type { DeadlineJob } from './job'

/** Every reminder the app gives, in the order they speak when several are due at once. */
export const DEADLINE_JOBS: readonly DeadlineJob[] = [
  updateReminderJob,
  alarmReminderJob,
  leadReminderJob,
  retroReminderJob(),
]
