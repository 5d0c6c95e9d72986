/**
 * Finds secrets in text so the timeline can highlight them and every copy or export can mask
 * them. Pure and conservative: a pattern must match a known token shape or sit beside a word that
 * says "secret", so ordinary hashes, ids and URLs pass untouched.
 */

export type SecretKind =
  | 'github-token'
  | 'slack-token'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'bearer-token'
  | 'url-password'
  | 'private-key'
  | 'jwt'
  | 'assignment'

export interface SecretMatch {
  kind: SecretKind
  /** The secret itself, [start, end) in the text: what is highlighted and masked. */
  start: number
  end: number
}

interface Pattern {
  kind: SecretKind
  regex: RegExp
  /** Index of the capture group holding the secret; 0 is the whole match. */
  group: number
}

const PATTERNS: Pattern[] = [
  {
    kind: 'private-key',
    regex:
      /-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY-----[\s\S]*?(-----END ([A-Z0-9 ]+ )?PRIVATE KEY-----|$)/g,
    group: 0,
  },
  { kind: 'github-token', regex: /\b(gh[pousr]_[A-Za-z0-9]{36,255})\b/g, group: 1 },
  { kind: 'github-token', regex: /\b(github_pat_[A-Za-z0-9_]{22,255})\b/g, group: 1 },
  { kind: 'slack-token', regex: /\b(xox[baprs]-[A-Za-z0-9-]{10,250})\b/g, group: 1 },
  { kind: 'aws-access-key', regex: /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g, group: 1 },
  {
    // 40 base64 characters are only a secret key beside words that say so.
    kind: 'aws-secret-key',
    regex:
      /(?:aws_?secret(?:_?access)?_?key|secret_?access_?key|SecretAccessKey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
  },
  {
    kind: 'jwt',
    regex: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g,
    group: 1,
  },
  { kind: 'bearer-token', regex: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1 },
  {
    kind: 'url-password',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s/@]+)@[^\s/]+/gi,
    group: 1,
  },
  {
    // api_key=..., token: ..., "password": "..." — the value after a word that names a secret.
    kind: 'assignment',
    regex:
      /\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|passw(?:or)?d|pwd)["']?\s*[:=]\s*["']?([^\s"',;&]{8,})/gi,
    group: 1,
  },
]

/** Every secret in the text, sorted, without overlaps (the first, longest match wins). */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = []
  for (const { kind, regex, group } of PATTERNS) {
    regex.lastIndex = 0
    for (const match of text.matchAll(regex)) {
      const secret = match[group]
      if (!secret || match.index === undefined) continue
      const start = match.index + match[0].indexOf(secret)
      found.push({ kind, start, end: start + secret.length })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: SecretMatch[] = []
  for (const m of found) {
    const last = merged[merged.length - 1]
    if (last && m.start < last.end) continue
    merged.push(m)
  }
  return merged
}

/** The text with each secret replaced by a marker that says what it was. */
export function maskSecrets(text: string): string {
  return splitSecrets(text)
    .map((part) => (part.secret ? `[redacted ${part.secret}]` : part.text))
    .join('')
}

/** Splits text into plain and secret parts. */
export function splitSecrets(text: string): { text: string; secret?: SecretKind }[] {
  const parts: { text: string; secret?: SecretKind }[] = []
  let from = 0
  for (const m of findSecrets(text)) {
    if (m.start > from) parts.push({ text: text.slice(from, m.start) })
    parts.push({ text: text.slice(m.start, m.end), secret: m.kind })
    from = m.end
  }
  if (from < text.length) parts.push({ text: text.slice(from) })
  return parts
}
