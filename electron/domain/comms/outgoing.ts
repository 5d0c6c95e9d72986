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

/** Work counter: item texts masked by `releaseItemText` (tests count it, not time). */
export const maskingWork = { texts: 0 }

const releasedTexts = new WeakMap<
  object,
  { text: string; policy: MaskingPolicy; released: string }
>()

/**
 * `releaseText` of an item's text, kept per item: timeline items are shared by every snapshot, so
 * a long timeline's outputs mask only what is new since the last refresh.
 */
export function releaseItemText(item: object, text: string, policy: MaskingPolicy): string {
  const kept = releasedTexts.get(item)
  if (kept && kept.text === text && samePolicy(kept.policy, policy)) return kept.released
  const released = releaseText(text, policy)
  maskingWork.texts++
  releasedTexts.set(item, { text, policy, released })
  return released
}

function samePolicy(a: MaskingPolicy, b: MaskingPolicy): boolean {
  if (a === b) return true
  if (a.allowed.size !== b.allowed.size) return false
  for (const secret of a.allowed) if (!b.allowed.has(secret)) return false
  return true
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
