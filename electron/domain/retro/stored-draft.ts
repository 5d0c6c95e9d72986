import { z } from 'zod'
import { cleanLine } from '../incident/input-rules'
import {
  ACTION_CATEGORIES,
  ACTION_TYPES,
  itemId,
  LONG,
  SHORT,
  type ActionItem,
  type RetroDraft,
  type WhysChain,
} from './draft'

/**
 * A draft as the log keeps it: every limit of `RetroDraft`, and strict. No field it does not
 * name, at any level (so no nesting beyond its own few levels), names already cleaned, links
 * https only. Saving (the append gate) and importing a backup check it; reading a log repairs a
 * draft that fails it (`repairDraft`), never trusts it as it is.
 */
// Built of plain strings, refinements and enums (no unions, no transforms), so the store's
// compiled check reads a saved draft as fast as any other line (store/fast-event-check.ts).
const storedShort = z.string().max(SHORT).default('')
const storedLong = z.string().max(LONG).default('')
const isoDate = z.iso.date()
const storedDate = z
  .string()
  .refine((date) => date === '' || isoDate.safeParse(date).success, 'is not a date')
  .default('')
const ATTENDEE_MAX = 120
const attendee = z
  .string()
  .min(1)
  .max(ATTENDEE_MAX)
  .refine((name) => cleanLine(name).trim() === name, 'holds characters a name cannot hold')
const httpsUrl = z.url({ protocol: /^https$/ })
const httpsLink = z
  .string()
  .refine((url) => url === '' || httpsUrl.safeParse(url).success, 'is not an https link')
  .default('')
const LIMITS = { attendees: 50, keyMoments: 200, chains: 10, whys: 20, actions: 50 } as const

const StoredWhy = z.strictObject({ id: itemId, question: storedLong, answer: storedLong })
const StoredChain = z.strictObject({
  id: itemId,
  problem: storedLong,
  whys: z.array(StoredWhy).max(LIMITS.whys).default([]),
  rootCause: storedLong,
})
const StoredAction = z.strictObject({
  id: itemId,
  title: storedShort,
  owner: storedShort,
  due: storedDate,
  type: z.enum([...ACTION_TYPES, '']).default(''),
  category: z.enum([...ACTION_CATEGORIES, '']).default(''),
  issueUrl: httpsLink,
  done: z.boolean().default(false),
})
export const StoredDraft = z.strictObject({
  attendees: z.array(attendee).max(LIMITS.attendees).default([]),
  date: storedDate,
  keyMoments: z.array(itemId).max(LIMITS.keyMoments).default([]),
  chains: z.array(StoredChain).max(LIMITS.chains).default([]),
  workedWell: storedLong,
  failed: storedLong,
  actions: z.array(StoredAction).max(LIMITS.actions).default([]),
  processImprovements: storedLong,
})

type Raw = Record<string, unknown>

/**
 * Makes a stored draft that fails `StoredDraft` pass it, noting what it found. Looks only at the
 * fields a draft has, one level at a time, so a value nested a hundred thousand deep costs
 * nothing.
 */
class DraftRepair {
  readonly fixes = new Set<string>()

  fix(what: string): void {
    this.fixes.add(what)
  }

  record(value: unknown, keys: readonly string[]): Raw | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fix('parts that are not readable')
      return undefined
    }
    const known = new Set(keys)
    if (Object.keys(value).some((key) => !known.has(key))) this.fix('fields a draft does not have')
    return value as Raw
  }

  text(value: unknown, max: number): string {
    if (value === undefined) return ''
    if (typeof value !== 'string') {
      this.fix('values that are not text')
      return ''
    }
    return this.cut(value, max)
  }

  /** At most `max` UTF-16 units, never half of a surrogate pair. */
  cut(value: string, max: number): string {
    if (value.length <= max) return value
    this.fix('text over its limit')
    const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max
    return value.slice(0, end)
  }

  list(value: unknown, max: number): unknown[] {
    if (value === undefined) return []
    if (!Array.isArray(value)) {
      this.fix('lists that are not lists')
      return []
    }
    if (value.length > max) this.fix(`items over a list's limit`)
    return value.slice(0, max)
  }

  id(value: unknown): string | undefined {
    if (itemId.safeParse(value).success) return value as string
    this.fix('items without an id')
    return undefined
  }

  date(value: unknown): string {
    if (value === undefined || storedDate.safeParse(value).success) return (value as string) ?? ''
    this.fix('dates that are not dates')
    return ''
  }

  choice<T extends string>(value: unknown, allowed: readonly T[]): T | '' {
    if (value === undefined || value === '') return ''
    if (allowed.includes(value as T)) return value as T
    this.fix('unknown action types or categories')
    return ''
  }

  attendees(value: unknown): string[] {
    return this.list(value, LIMITS.attendees).flatMap((name) => {
      if (typeof name !== 'string') {
        this.fix('values that are not text')
        return []
      }
      const cleaned = cleanLine(name).trim()
      if (cleaned !== name) this.fix('names with characters a name cannot hold')
      const kept = this.cut(cleaned, ATTENDEE_MAX).trim()
      return kept ? [kept] : []
    })
  }

  chain(value: unknown): WhysChain[] {
    const chain = this.record(value, Object.keys(StoredChain.shape))
    const id = chain && this.id(chain.id)
    if (!chain || !id) return []
    const whys = this.list(chain.whys, LIMITS.whys).flatMap((w) => {
      const why = this.record(w, Object.keys(StoredWhy.shape))
      const whyId = why && this.id(why.id)
      if (!why || !whyId) return []
      return [
        { id: whyId, question: this.text(why.question, LONG), answer: this.text(why.answer, LONG) },
      ]
    })
    const problem = this.text(chain.problem, LONG)
    return [{ id, problem, whys, rootCause: this.text(chain.rootCause, LONG) }]
  }

  action(value: unknown): ActionItem[] {
    const action = this.record(value, Object.keys(StoredAction.shape))
    const id = action && this.id(action.id)
    if (!action || !id) return []
    let issueUrl = ''
    if (action.issueUrl !== undefined && action.issueUrl !== '') {
      if (typeof action.issueUrl === 'string' && httpsLink.safeParse(action.issueUrl).success) {
        issueUrl = action.issueUrl
      } else this.fix('links that are not https')
    }
    let done = false
    if (typeof action.done === 'boolean') done = action.done
    else if (action.done !== undefined) this.fix('values that are not yes or no')
    return [
      {
        id,
        title: this.text(action.title, SHORT),
        owner: this.text(action.owner, SHORT),
        due: this.date(action.due),
        type: this.choice(action.type, ACTION_TYPES),
        category: this.choice(action.category, ACTION_CATEGORIES),
        issueUrl,
        done,
      },
    ]
  }
}

/**
 * A stored draft that fails `StoredDraft`, made to pass it: links that are not https dropped,
 * text over its limit cut, names cleaned, items over a limit or without an id dropped, fields
 * the draft does not have dropped. Says what it found ("links that are not https"), for the
 * notice.
 */
export function repairDraft(raw: unknown): { draft: RetroDraft; fixes: string[] } {
  const r = new DraftRepair()
  const top = r.record(raw, Object.keys(StoredDraft.shape)) ?? {}
  const repaired = StoredDraft.safeParse({
    attendees: r.attendees(top.attendees),
    date: r.date(top.date),
    keyMoments: r.list(top.keyMoments, LIMITS.keyMoments).flatMap((m) => r.id(m) ?? []),
    chains: r.list(top.chains, LIMITS.chains).flatMap((c) => r.chain(c)),
    workedWell: r.text(top.workedWell, LONG),
    failed: r.text(top.failed, LONG),
    actions: r.list(top.actions, LIMITS.actions).flatMap((a) => r.action(a)),
    processImprovements: r.text(top.processImprovements, LONG),
  })
  // Built field by field from the schema's own limits: it passes. Should it ever not, an empty
  // draft is still better than one that was never checked.
  if (repaired.success) return { draft: repaired.data, fixes: [...r.fixes] }
  return { draft: StoredDraft.parse({}), fixes: [...r.fixes, 'a draft that could not be read'] }
}
