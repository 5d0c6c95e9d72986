import type { RetroDraft } from './draft'

/** The retrospective part of an incident, folded from its retro.* events. */
export interface RetroState {
  /** The user's own call on whether to hold one; null means "as the policy proposes". */
  choice: { wanted: boolean; reason: string; at: string; by: string } | null
  /** The last saved workspace; null until something was typed. */
  draft: RetroDraft | null
  draftSavedAt: string | null
  completedAt: string | null
  completedBy: string | null
}

export const NO_RETRO: RetroState = {
  choice: null,
  draft: null,
  draftSavedAt: null,
  completedAt: null,
  completedBy: null,
}
