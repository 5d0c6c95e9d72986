/** Ids for new chains, whys and action items (crypto.randomUUID needs a secure context). */
export function newId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}
