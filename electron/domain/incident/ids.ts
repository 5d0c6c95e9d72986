import { z } from 'zod'

/**
 * The one shape of an id the app makes and accepts: an incident's (its log's folder name), an
 * entry's, an attachment's stem. Safe as a file name on every platform and in a URL path.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/

export const IncidentId = z
  .string({ error: 'An incident id is required.' })
  .regex(ID_PATTERN, 'That is not an incident id.')

export const EntryId = z
  .string({ error: 'Say which entry.' })
  .regex(ID_PATTERN, 'That is not an entry id.')
