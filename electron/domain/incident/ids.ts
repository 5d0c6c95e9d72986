import { z } from 'zod'

/** Every case of a word, for a regular expression: con → [Cc][Oo][Nn]. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`)

/**
 * Names Windows keeps for devices, in any case and with any extension ("con", "NUL.png",
 * "com1"): a file so named cannot be made, or opens the device. As a lookahead, for the start of
 * a name.
 */
export const NOT_RESERVED = `(?!(?:${['con', 'prn', 'aux', 'nul'].map(anyCase).join('|')}|(?:${anyCase('com')}|${anyCase('lpt')})[0-9])(?:\\.|$))`

/**
 * The one shape of an id the app makes and accepts: an incident's (its log's folder name), an
 * entry's, an attachment's stem. Safe as a file name on every platform and in a URL path: no
 * name Windows keeps for a device. (Folders of ids that differ only in case are one folder on
 * macOS and Windows: the store compares them without case there.)
 */
export const ID_PATTERN = new RegExp(`^${NOT_RESERVED}[A-Za-z0-9][A-Za-z0-9_-]{0,80}$`)

export const IncidentId = z
  .string({ error: 'An incident id is required.' })
  .regex(ID_PATTERN, 'That is not an incident id.')

export const EntryId = z
  .string({ error: 'Say which entry.' })
  .regex(ID_PATTERN, 'That is not an entry id.')
