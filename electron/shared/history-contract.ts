import { z } from 'zod'
import { IncidentId } from '../domain/incident/ids'
import type { Insights } from '../domain/insights'
import type { Spec } from './ipc-contract'

// Kept beside ipc-contract.ts (which spreads it in): history, export, backup and import.
const Id = IncidentId
const NoInput = z.undefined({ error: 'This call takes no input.' })
/** What the file dialog's answer stands for (services/picked-paths.ts): never a path. */
const PickedFile = z
  .string({ error: 'Choose the backup file (.zip) to import.' })
  .uuid('Choose the backup file (.zip) to import with Choose backup….')

/** What importing a backup would do with each of its incidents. */
export interface ImportPlan {
  createdAt: string
  hasSettings: boolean
  incidents: {
    id: string
    title: string
    recordedAt: string
    /** new: not here yet; same: here and identical; differs: here with other content. */
    state: 'new' | 'same' | 'differs'
  }[]
}
export interface ImportReport {
  /** Incidents written (new here, or replaced as asked). */
  imported: string[]
  /** Already here, identical. */
  unchanged: string[]
  /** Here with other content, kept as they are (the user did not ask to replace them). */
  kept: string[]
  settingsRestored: boolean
}

/** The insight charts' data, and what it covers. */
export interface InsightsView extends Insights {
  /** Incidents the figures are drawn from (all of them). */
  incidents: number
  weeks: number
  leadDays: number
}

type SpecOf = <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> }

export const historyContract = (spec: SpecOf) => ({
  /** Ids of the incidents whose title or timeline hold every word of the query. */
  'history:search': spec<{ ids: string[] }>().of(
    z
      .object({
        text: z
          .string({ error: 'Type something to search for.' })
          .max(200, 'Search for at most 200 characters.'),
      })
      .strict(),
  ),
  'insights:get': spec<InsightsView>().of(
    z
      .object({
        weeks: z
          .number({ error: 'Say how many weeks to chart.' })
          .int()
          .min(4, 'Chart at least 4 weeks.')
          .max(104, 'Chart at most 104 weeks (two years).')
          .default(12),
      })
      .strict(),
  ),
  'incident:export': spec<{ path: string | null }>().of(
    z.object({ id: Id, includeUnverified: z.boolean().default(false) }).strict(),
  ),
  'backup:export': spec<{ path: string | null; incidents: number }>().of(NoInput),
  /**
   * The file chosen in the system dialog, as a token for inspect and import and its path to
   * show; nulls when cancelled or unavailable.
   */
  'backup:pickFile': spec<{ token: string | null; path: string | null }>().of(NoInput),
  'backup:inspect': spec<ImportPlan>().of(z.object({ file: PickedFile }).strict()),
  'backup:import': spec<ImportReport>().of(
    z
      .object({
        file: PickedFile,
        /** Incidents here that differ from the backup and that the user chose to replace. */
        replace: z.array(Id).max(10_000).default([]),
        restoreSettings: z.boolean().default(false),
      })
      .strict(),
  ),
  /**
   * How far reading the backup file has got (bytes), while inspect or import unpacks it; then,
   * while its incidents are checked, how many of how many.
   */
  'backup:progress': spec<{
    read: number
    total: number
    running: boolean
    checked?: number
    incidents?: number
  }>().of(NoInput),
  /** Stops unpacking a backup; the inspect or import under way answers 'cancelled'. */
  'backup:cancel': spec<{ cancelled: boolean }>().of(NoInput),
})
