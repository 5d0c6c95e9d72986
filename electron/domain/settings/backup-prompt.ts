/** Action kinds that destroy state: a backup or screenshot first lets the change be undone. */
export const BACKUP_PROMPT_KINDS: readonly string[] = ['restart', 'delete']
const DESTRUCTIVE = new Set(BACKUP_PROMPT_KINDS)

/** Whether adding an action of this kind asks "Take a backup or screenshot first?". */
export function needsBackupPrompt(actionKind: string): boolean {
  return DESTRUCTIVE.has(actionKind)
}

/** The follow-up's critical flag is proposed for severity 1 and 2 (policy, seed 002). */
export function proposeCritical(severity: number): boolean {
  return severity <= 2
}
