import { z } from 'zod'
import { IncidentId } from '../domain/incident/ids'
import { PUBLISH_KINDS, type PublishKind } from '../domain/comms/publishing'
import type { Spec } from './ipc-contract'
import type { Status } from '../domain/lifecycle/status'

type SpecOf = <O>() => { of: <I extends z.ZodType>(input: I) => Spec<I, O> }

// Kept beside ipc-contract.ts (which spreads it in): the P2 publishing connection and outbox.
const Id = IncidentId
const NoInput = z.undefined({ error: 'This call takes no input.' })
const Kind = z.enum(PUBLISH_KINDS, { error: `Publish one of: ${PUBLISH_KINDS.join(', ')}.` })
const RequestId = z.string().min(1).max(100)

/** A post on the P2 that "Open from the P2…" lists. */
export interface P2Post {
  url: string
  title: string
  status: Status | null
  postedAt: string
}

/** The connection as the renderer sees it: never the password itself. */
export interface ConnectionView {
  url: string
  user: string
  hasPassword: boolean
  followStatus: boolean
  /** False where the OS keychain is not available: the password cannot be kept. */
  keychain: boolean
}

/** What would be published, shown before anything is sent. */
export interface PublishPreview {
  kind: PublishKind
  label: string
  title?: string
  /** The HTML that is sent, and the same as text for the preview. */
  html: string
  text: string
  statusTag?: string
  /** Where it goes: the site, and the post for a comment or an edit. */
  target: string
}

export type PublishOutcome =
  | { outcome: 'published'; requestId: string; link: string }
  | { outcome: 'queued'; requestId: string; reason: string }

export const publishingContract = (spec: SpecOf) => ({
  'publishing:get': spec<ConnectionView>().of(NoInput),
  /** Checks the address, the password and the rights; saves them only when all pass. */
  'publishing:connect': spec<ConnectionView & { site: string }>().of(
    z
      .object({
        url: z.string().trim().min(1, 'Enter the site address.').max(500),
        user: z.string().trim().min(1, 'Enter the WordPress user name.').max(200),
        /** Absent: keep the saved password. */
        password: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  'publishing:test': spec<{ site: string; user: string }>().of(NoInput),
  'publishing:disconnect': spec<ConnectionView>().of(NoInput),
  'publishing:preview': spec<PublishPreview>().of(z.object({ id: Id, kind: Kind }).strict()),
  'publishing:publish': spec<PublishOutcome>().of(z.object({ id: Id, kind: Kind }).strict()),
  'publishing:retry': spec<PublishOutcome>().of(
    z.object({ id: Id, requestId: RequestId }).strict(),
  ),
  'publishing:cancel': spec<{ cancelled: true }>().of(
    z.object({ id: Id, requestId: RequestId }).strict(),
  ),
  /** A comment read from the P2 that is not a status update: the countdown runs as before it. */
  'p2:notUpdate': spec<{ ok: true }>().of(
    z.object({ id: Id, commentId: z.number().int().positive() }).strict(),
  ),
  /** "Keep mine": the app's status stays; its tag is sent back to the post. */
  'p2:keepMine': spec<PublishOutcome>().of(z.object({ id: Id }).strict()),
  /** A local incident from a post on the P2 (its address): the one already bound, if any. */
  'p2:open': spec<{ id: string; created: boolean }>().of(
    z
      .object({ url: z.string().trim().min(1, 'Paste the address of the P2 post.').max(2000) })
      .strict(),
  ),
  /** The P2's recent posts whose status tag is not resolved or reviewed. */
  'p2:recent': spec<P2Post[]>().of(NoInput),
  /** Reads every followed P2 post now (the window gained focus). */
  'p2:readNow': spec<{ ok: true }>().of(NoInput),
})
