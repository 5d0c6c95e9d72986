/**
 * Payloads for the IPC fuzz (services/fuzz.test.ts), made from a channel's own schema (as JSON
 * Schema) with real ids from a seeded host, and mutated one thing at a time.
 */
/** A deterministic generator, so a failure can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export type Json = {
  type?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: Json[]
  oneOf?: Json[]
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  pattern?: string
  format?: string
}

/** Strings a careful handler must take in its stride: valid text, not the usual text. */
const EDGE_TEXT = [
  'Dana',
  'API 5xx on search',
  'x',
  '🔥 search down 🔥',
  'خطأ في البحث',
  'e\u0301\u0301\u0301', // combining marks
  '👩‍💻 on call', // zero-width joiner
  'line one\nline two',
  '<script>alert(1)</script>',
  "'; DROP TABLE incidents; --",
  '%s%s%n',
  '{{title}} ${process.env.HOME}',
]
const PATHS = ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\system32', '\\\\host\\share', '']
const ID_KEYS: Record<string, string> = {
  alarms: 'alarmId',
  measures: 'measureId',
  parties: 'partyId',
  followups: 'followupId',
  timeline: 'entryId',
  runbooks: 'runbookId',
  actions: 'actionId',
  updates: 'updateId',
  notices: 'noticeId',
}

/** Every id-like string in `value`, by the field it would be sent as. */
export function collectIds(value: unknown, pool: Map<string, Set<string>>, as = 'id'): void {
  if (Array.isArray(value)) return value.forEach((v) => collectIds(v, pool, as))
  if (!value || typeof value !== 'object') return
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/.test(v)) {
      const name = key === 'id' ? as : key
      if (!pool.has(name)) pool.set(name, new Set())
      pool.get(name)!.add(v)
    } else collectIds(v, pool, ID_KEYS[key] ?? (key === 'incidents' ? 'id' : as))
  }
}

export function generator(
  r: () => number,
  pool: Map<string, Set<string>>,
  tokens: Record<string, string>,
) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const idFor = (name: string): string => {
    const known = pool.get(name) ?? pool.get(name.replace(/Id$/, '') + 'Id') ?? pool.get('id')!
    return pick([...known])
  }
  const text = (s: Json, name: string): string => {
    if (name in tokens) return tokens[name]!
    if (/(^|[a-z])(Id|id)$/.test(name) || s.pattern?.endsWith('[A-Za-z0-9][A-Za-z0-9_-]{0,80}$')) {
      return idFor(name)
    }
    if (s.format === 'date-time' || name === 'at' || name === 'occurredAt') {
      return new Date(
        Date.parse('2026-11-23T13:00:00Z') + Math.floor(r() * 3_600_000),
      ).toISOString()
    }
    if (s.format === 'date') return '2026-11-20'
    if (/url|link/i.test(name))
      return pick(['https://grafana.example.org/d/1', 'https://github.com/o/r/issues/1'])
    if (s.pattern?.includes(':[0-5]')) return pick(['09:00', '17:30'])
    if (s.pattern?.startsWith('^@?')) return '@dana'
    if (s.pattern) return 'x'
    const min = s.minLength ?? 0
    const max = s.maxLength ?? 300
    const choice = r()
    // The boundaries: the longest and the shortest the schema allows, else an edge case.
    if (choice < 0.1 && max <= 20_000) return 'm'.repeat(max)
    if (choice < 0.15) return 'm'.repeat(Math.max(min, 1))
    const t = pick(EDGE_TEXT)
    return t.length < min ? t.padEnd(min, '.') : t.slice(0, max)
  }
  const valid = (s: Json, name = ''): unknown => {
    if (s.const !== undefined) return s.const
    if (s.enum) return pick(s.enum)
    if (s.anyOf ?? s.oneOf) return valid(pick((s.anyOf ?? s.oneOf)!), name)
    switch (s.type) {
      case 'object': {
        const out: Record<string, unknown> = {}
        for (const [key, prop] of Object.entries(s.properties ?? {})) {
          if (s.required?.includes(key) || r() < 0.5) out[key] = valid(prop, key)
        }
        return out
      }
      case 'array': {
        const min = s.minItems ?? 0
        const n = min + Math.floor(r() * Math.min(3, (s.maxItems ?? min + 3) - min + 1))
        return Array.from({ length: n }, () => valid(s.items ?? {}, name))
      }
      case 'string':
        return text(s, name)
      case 'integer':
      case 'number': {
        const lo = Math.max(s.minimum ?? 1, -1e6)
        const hi = Math.min(s.maximum ?? lo + 3, lo + 1e6)
        if (name === 'severity') return pick([1, 2, 3])
        return pick([lo, hi, Math.min(hi, lo + 1), Math.floor((lo + hi) / 2)])
      }
      case 'boolean':
        return r() < 0.5
      default:
        return undefined
    }
  }
  /** One thing wrong: a field dropped, mistyped, a path, too long, stray, or a polluter. */
  const mutate = (payload: unknown): unknown => {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      return pick([null, {}, 'x', 42, [payload]])
    }
    const out = { ...(payload as Record<string, unknown>) }
    const keys = Object.keys(out)
    const key = keys.length ? pick(keys) : 'id'
    switch (Math.floor(r() * 6)) {
      case 0:
        delete out[key]
        break
      case 1:
        out[key] = pick([null, 42, true, [], {}, NaN, -1, 1e308])
        break
      case 2:
        out[key] = pick(PATHS)
        break
      case 3:
        out[key] = 'a'.repeat(70_000)
        break
      case 4:
        out[`stray${Math.floor(r() * 100)}`] = 1
        break
      default:
        return JSON.parse(
          '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
        )
    }
    return out
  }
  return { valid, mutate, pick }
}
