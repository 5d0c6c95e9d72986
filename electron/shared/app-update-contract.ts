import { z } from 'zod'
import type { UpdateState } from '../domain/app-update/policy'
import type { Spec } from './ipc-contract'

type SpecOf = <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> }

// Kept beside ipc-contract.ts (which spreads it in): the app's own updates.
const NoInput = z.undefined({ error: 'This call takes no input.' })

/** The app's update as Settings → About and the window's notice show it (computed on the host). */
export interface AppUpdateView {
  /** The version running now. */
  version: string
  state: UpdateState
  /** One line: "Downloading 1.4.0… 62%", "Up to date (checked 5 min ago)." */
  status: string
  /** "Restart to update to 1.4.0", or that it waits while an incident is active. */
  notice: { kind: 'restart' | 'wait'; text: string } | null
  /** What the release says, as plain text (ready updates only). */
  notes: string
  /** The release page: https only, else absent. */
  releaseUrl?: string
}

export const appUpdateContract = (spec: SpecOf) => ({
  'appUpdate:get': spec<AppUpdateView>().of(NoInput),
  /** Checks now (Check now in the tray, the palette and Settings → About). */
  'appUpdate:check': spec<AppUpdateView>().of(NoInput),
  /** Restarts into the downloaded update; refused while an incident is active. */
  'appUpdate:install': spec<AppUpdateView>().of(NoInput),
})
