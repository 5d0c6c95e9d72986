import { findSecrets } from './redaction'
import { itemWords, type TimelineItem } from '../timeline/timeline'

/**
 * Which secrets may leave the app for one incident: only those the user chose to show by
 * unmasking the entry that holds them. Everything else that looks like a secret is masked.
 */
export interface MaskingPolicy {
  allowed: ReadonlySet<string>
}

/** No entry unmasked: every secret is masked (text that belongs to no incident, say). */
export const MASK_ALL: MaskingPolicy = { allowed: new Set() }

const policies = new WeakMap<Iterable<TimelineItem>, MaskingPolicy>()

/** The masking state of an incident's entries, as one policy (worked out once per timeline). */
export function maskingPolicy(incident: { timeline: Iterable<TimelineItem> }): MaskingPolicy {
  let policy = policies.get(incident.timeline)
  if (policy) return policy
  const allowed = new Set<string>()
  for (const item of incident.timeline) {
    if (item.kind === 'lifecycle' || !item.unmasked || item.deleted) continue
    const text = itemWords(item)
    for (const m of findSecrets(text)) allowed.add(text.slice(m.start, m.end))
  }
  policy = allowed.size ? { allowed } : MASK_ALL
  policies.set(incident.timeline, policy)
  return policy
}

/**
 * The one way text leaves the app (clipboard, exported files, notifications, the tray): each
 * secret in it is replaced by "[redacted <kind>]" unless the policy allows it. Masking twice is
 * harmless: the marker is not a secret.
 */
export function releaseText(text: string, policy: MaskingPolicy = MASK_ALL): string {
  const found = findSecrets(text)
  if (!found.length) return text
  let out = ''
  let from = 0
  for (const m of found) {
    const secret = text.slice(m.start, m.end)
    if (policy.allowed.has(secret)) continue
    out += text.slice(from, m.start) + `[redacted ${m.kind}]`
    from = m.end
  }
  return out + text.slice(from)
}
