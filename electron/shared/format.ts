/**
 * What the renderer may use of the domain besides types (electron/shared/types.ts): labels, lists,
 * limits and pure formatting helpers. The renderer imports only electron/shared (a lint rule), so
 * each one it needs is named here, and a rule the host should apply shows up in review.
 */
export { SNOOZE_CHOICES } from '../domain/comms/cadence'
export { DEFAULT_TEMPLATES, TEMPLATE_IDS } from '../domain/comms/defaults'
export { OUTPUT_IDS } from '../domain/comms/outputs'
export { PLACEHOLDERS } from '../domain/comms/placeholders'
export { PUBLISH_LABELS } from '../domain/comms/publishing'
export { UNDO_COPY_MS } from '../domain/comms/update-commands'
export { DETECTION_LABELS, DETECTION_METHODS } from '../domain/events'
export { cleanLine } from '../domain/incident/input-rules'
export { AREA_SUGGESTIONS } from '../domain/incident/record'
export {
  SEVERITY_SCALES,
  allowedLevels,
  severityLabel,
  severityLevel,
} from '../domain/incident/severity'
export { KEY_TIMES, KEY_TIME_LABELS } from '../domain/lifecycle/events'
export { ACTIVE_STATUSES, STATUSES, STATUS_LABELS } from '../domain/lifecycle/status'
export { MEASURE_KINDS, MEASURE_KIND_LABELS } from '../domain/mitigation/events'
export { measureLabel } from '../domain/mitigation/mitigation'
export {
  ACTION_CATEGORIES,
  ACTION_CATEGORY_LABELS,
  ACTION_TYPES,
  ACTION_TYPE_LABELS,
} from '../domain/retro/draft'
export { CLOCKS, THEMES, WEEKDAYS, knownTimeZones } from '../domain/settings/preferences'
export { SHORTCUT_LABELS, displayAccelerator } from '../domain/settings/shortcuts'
export {
  ENTRY_TEXT_MAX_BYTES,
  IMAGE_MAX_BYTES,
  byteLength,
  formatBytes,
  tooLongMessage,
} from '../domain/timeline/commands'
export { ACTION_KINDS, ACTION_LABELS } from '../domain/timeline/events'
