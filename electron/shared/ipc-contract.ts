import { z } from 'zod'
import { IncidentId } from '../domain/incident/ids'
import type { IncidentData, IncidentSummary } from '../domain/incident'
import type { Ack } from '../domain/command'
import { SNOOZE_CHOICES } from '../domain/comms/cadence'
import { HEADLINE_MAX } from '../domain/comms/view'
import { CADENCE_CHOICES } from '../domain/comms/update-events'
import type { ChecklistItem } from '../domain/comms/checklist'
import {
  OUTPUT_IDS,
  type Output,
  type OutputPreview,
  type OutputTab,
} from '../domain/comms/outputs'
import { RecordIncidentInput, TEXT_MAX } from '../domain/incident/record'
import { SettingsPatch, type Settings } from '../domain/settings/settings'
import type { ChecklistItem as ResolveItem } from '../domain/lifecycle/resolve-checklist'
import { RunbookInput, type Runbook } from '../domain/settings/runbooks'
import { RetroDraft } from '../domain/retro/draft'
import type { RetroDue } from '../domain/retro/due'
import type { OpenAction } from '../domain/retro/open-actions'
import type { Postmortem } from '../domain/retro/postmortem'
import type { InvokeChannel, PushChannel } from './ipc-channels'
import * as M from './mitigation-inputs'
import { lifecycleContract } from './lifecycle-contract'
import { TimelineContract } from './timeline-contract'
import { historyContract } from './history-contract'
import { publishingContract } from './publishing-contract'
import { viewContract, type IncidentChanged } from './view-contract'
import { appUpdateContract, type AppUpdateView } from './app-update-contract'

export { IncidentId }

/** The host's state as the renderer mirrors it. */
export interface Snapshot {
  incidents: IncidentSummary[]
  settings: Settings
  /** Who "Recorded by" defaults to: the name in settings, else the operating system's user. */
  defaultRecorder: string
  /** What the store repaired or set aside, damaged settings: shown until dismissed. */
  notices: Notice[]
}

/** Something the user must hear about; listed in Settings → Data after it is dismissed. */
export interface Notice {
  id: string
  message: string
  /** When the host heard of it (ISO). */
  at: string
  dismissed: boolean
}

/** What main asks the renderer to show (from the tray, a shortcut, a notification). */
export type UiCommand =
  | { kind: 'record' }
  | { kind: 'open-incident'; id: string }
  /** `section`: a settings section's id (the tray's Check for updates opens `about`). */
  | { kind: 'settings'; section?: string }
  | { kind: 'palette' }
  /** The tray's "Open from the P2…": take an incident over from its post. */
  | { kind: 'open-from-p2' }
  /** The tray's "Restart to update": the window keeps what is typed, then asks to install. */
  | { kind: 'restart-to-update' }

/** The retro workspace of one incident: whether it is due, the draft, what is still missing. */
/** The status comment's first sentence as the user wrote it (else the app writes it). */
const Headline = z
  .string()
  .max(HEADLINE_MAX, `The opening sentence can be at most ${HEADLINE_MAX} characters.`)
  .optional()

/** What copying gives back: the output, and the update it posted (undoable for a minute). */
export type CopyResult = Output & {
  copied: string
  posted?: { updateId: string; undoUntil: string }
}

export interface RetroView {
  due: RetroDue
  draft: RetroDraft
  savedAt: string | null
  completedAt: string | null
  problems: string[]
}

export interface Spec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output?: O
}
export const spec = <O>() => ({
  of: <I extends z.ZodType>(input: I): Spec<I, O> => ({ input }),
})

const NoInput = z.undefined({ error: 'This call takes no input.' })

export const contract = {
  'state:get': spec<Snapshot>().of(NoInput),
  'notice:dismiss': spec<Snapshot>().of(
    z.object({ id: z.string().max(40, 'That is not a notice id.') }).strict(),
  ),
  'incident:record': spec<IncidentSummary>().of(RecordIncidentInput),
  /** The whole incident, timeline included: for host-side readers (tests, bench, export). */
  'incident:get': spec<IncidentData>().of(z.object({ id: IncidentId }).strict()),
  'settings:update': spec<Settings>().of(SettingsPatch),
  'update:post': spec<Ack>().of(
    z
      .object({
        id: IncidentId,
        text: z
          .string({ error: 'Paste the update you posted.' })
          .trim()
          .min(1, 'Paste the update you posted, so the timeline shows what was said.')
          .max(TEXT_MAX, `An update is limited to ${TEXT_MAX.toLocaleString('en')} characters.`),
        /** When it was posted, if not just now. */
        postedAt: z.iso.datetime({ error: 'Give when it was posted as a time.' }).optional(),
      })
      .strict(),
  ),
  'update:snooze': spec<Ack>().of(
    z
      .object({
        id: IncidentId,
        minutes: z.union(
          SNOOZE_CHOICES.map((m) => z.literal(m)),
          { error: `Snooze for ${SNOOZE_CHOICES.join(', ')} minutes.` },
        ),
      })
      .strict(),
  ),
  /** Every output's tab, the shown one's preview, and the checklist. */
  'comms:outputs': spec<{
    tabs: OutputTab[]
    shown: OutputPreview
    checklist: ChecklistItem[]
  }>().of(
    z
      .object({
        id: IncidentId,
        here: z.boolean().default(false),
        show: z.enum(OUTPUT_IDS, { error: 'That is not one of the outputs.' }).default('p2-post'),
        headline: Headline,
      })
      .strict(),
  ),
  /** Copies an output's body (or its title); copying a status comment counts as posting it. */
  'comms:copy': spec<CopyResult>().of(
    z
      .object({
        id: IncidentId,
        output: z.enum(OUTPUT_IDS, { error: 'That is not one of the outputs.' }),
        part: z.enum(['body', 'title']).default('body'),
        here: z.boolean().default(false),
        log: z.boolean().default(false),
        headline: Headline,
      })
      .strict(),
  ),
  /** Takes back a copy that was counted as a posted update, within the minute after it. */
  'update:undo': spec<Ack>().of(
    z.object({ id: IncidentId, updateId: z.string().min(1).max(80) }).strict(),
  ),
  /** The lead's update cadence after Stabilized; logged on the timeline. */
  'update:cadence': spec<Ack>().of(
    z
      .object({
        id: IncidentId,
        choice: z.enum(CADENCE_CHOICES, {
          error: 'Choose “as the policy says”, “daily” or “when there is news”.',
        }),
      })
      .strict(),
  ),
  'comms:check': spec<ChecklistItem[]>().of(
    z.object({ id: IncidentId, item: z.string().min(1).max(80), done: z.boolean() }).strict(),
  ),
  'comms:setP2Url': spec<Ack>().of(
    z
      .object({
        id: IncidentId,
        url: z
          .url({
            protocol: /^https$/,
            error: 'Paste the P2 post’s address, starting with https://.',
          })
          .max(2000, 'That address is too long.'),
      })
      .strict(),
  ),
  'comms:handoff': spec<{ text: string }>().of(
    z.object({ copy: z.boolean().default(false) }).strict(),
  ),
  'dataFolder:get': spec<{ path: string }>().of(NoInput),
  'dataFolder:open': spec<{ path: string }>().of(NoInput),
  'alarm:silence': spec<Ack>().of(M.AlarmSilenceInput),
  'alarm:reenable': spec<Ack>().of(M.AlarmReenableInput),
  'measure:start': spec<Ack>().of(M.MeasureStartInput),
  'measure:undo': spec<Ack>().of(M.MeasureUndoInput),
  'measure:keep': spec<Ack>().of(M.MeasureKeepInput),
  'party:add': spec<Ack>().of(M.PartyAddInput),
  'party:update': spec<Ack>().of(M.PartyUpdateInput),
  'followup:add': spec<Ack>().of(M.FollowupAddInput),
  'followup:update': spec<Ack>().of(M.FollowupUpdateInput),
  'runbook:add': spec<Runbook>().of(RunbookInput),
  'runbook:import': spec<M.RunbookImportReport>().of(M.RunbookImportInput),
  /** The folder chosen in the system dialog: a token for runbook:import and its path to show. */
  'runbook:pickFolder': spec<{ token: string | null; path: string | null }>().of(NoInput),
  'runbook:link': spec<Ack>().of(M.RunbookLinkInput),
  'runbook:check': spec<Ack>().of(M.RunbookCheckInput),
  'incident:resolveCheck': spec<ResolveItem[]>().of(z.object({ id: IncidentId }).strict()),
  'incident:resolve': spec<Ack>().of(M.ResolveInput),
  ...lifecycleContract(spec, IncidentId),
  'retro:get': spec<RetroView>().of(z.object({ id: IncidentId }).strict()),
  'retro:saveDraft': spec<RetroView>().of(z.object({ id: IncidentId, draft: RetroDraft }).strict()),
  'retro:choose': spec<RetroView>().of(
    z
      .object({
        id: IncidentId,
        wanted: z.boolean({ error: 'Say whether to hold a retrospective.' }),
        reason: z
          .string({ error: 'Say why, so the timeline explains the choice.' })
          .trim()
          .min(1, 'Say why, so the timeline explains the choice.')
          .max(500, 'Keep the reason under 500 characters.'),
      })
      .strict(),
  ),
  'retro:complete': spec<RetroView>().of(z.object({ id: IncidentId }).strict()),
  'retro:postmortem': spec<Postmortem>().of(z.object({ id: IncidentId }).strict()),
  'retro:copy': spec<Postmortem>().of(z.object({ id: IncidentId }).strict()),
  'retro:export': spec<{ path: string | null }>().of(
    z
      .object({
        id: IncidentId,
        format: z.enum(['md', 'html'], { error: 'Export as Markdown (md) or HTML (html).' }),
      })
      .strict(),
  ),
  'retro:openActions': spec<OpenAction[]>().of(NoInput),
  'retro:actionDone': spec<OpenAction[]>().of(
    z.object({ id: IncidentId, actionId: z.string().min(1).max(80), done: z.boolean() }).strict(),
  ),
  ...TimelineContract,
  ...historyContract(spec),
  ...publishingContract(spec),
  ...viewContract(spec, IncidentId),
  ...appUpdateContract(spec),
} satisfies Record<InvokeChannel, Spec<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelInput<C extends InvokeChannel> = z.input<Contract[C]['input']>
export type ChannelParsed<C extends InvokeChannel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends InvokeChannel> = NonNullable<Contract[C]['output']>

export interface PushPayloads {
  /** The whole snapshot: at start, and when settings or notices change or an import lands. */
  'state:changed': Snapshot
  /** One incident changed: its version and summary; a window asks for its view if it shows it. */
  'incident:changed': IncidentChanged
  'ui:command': UiCommand
  /** The app's update moved on (checking, a download's progress, ready, failed). */
  'appUpdate:changed': AppUpdateView
}
export type PushPayload<C extends PushChannel> = PushPayloads[C]
/** What the host pushes to every window after a change (main adds `ui:command` itself). */
export type HostPush = {
  [C in Exclude<PushChannel, 'ui:command'>]: { channel: C; payload: PushPayload<C> }
}[Exclude<PushChannel, 'ui:command'>]
