import type { TemplateId } from './defaults'
import { runbookLine } from './escape'
import { fill, outageName, placeholderValues, timelineText } from './fill'
import { textToHtml } from './html'
import type { CommsView } from './view'

export { placeholderValues }

export const OUTPUT_IDS = [
  'p2-post',
  'p2-comment',
  'slack',
  'signal',
  'make-investigating',
  'make-resolved',
  'reply-investigating',
  'reply-resolved',
  'github-bug',
  'github-stabilize',
  'runbook-line',
] as const
export type OutputId = (typeof OUTPUT_IDS)[number]

export interface Output {
  id: OutputId
  label: string
  /** Where it goes, for the panel. */
  target: string
  /** A title to paste separately (P2 post, Make post, GitHub issue). */
  title?: string
  text: string
  /** Rich copy for WordPress editors. */
  html?: string
  /** Suggested GitHub labels. */
  labels?: string[]
  /** False when the runbook does not call for it now (e.g. Signal below Severity 1). */
  applicable: boolean
  note?: string
  /** Set when the user's template was broken and the default was used instead. */
  templateError?: string
  /** The status comment's opening sentence, which the user may edit before copying. */
  headline?: string
}

export type Templates = Partial<Record<TemplateId, string>>

/** An output as the panel lists it: enough for its tab, without its text. */
export type OutputTab = Pick<Output, 'id' | 'label' | 'target' | 'applicable'> & {
  /** Copied as rich text (HTML) and plain text. */
  rich: boolean
}

/** The shown output for the preview: its text cut to the first lines, never its HTML. */
export type OutputPreview = Omit<Output, 'html'> & { rich: boolean; hiddenLines: number }

/** A preview shows this many lines; copying always takes the whole text. */
export const PREVIEW_LINES = 300

/** The outputs copied as rich text (HTML) as well as plain text: the WordPress ones. */
export const RICH_OUTPUTS: ReadonlySet<OutputId> = new Set([
  'p2-post',
  'p2-comment',
  'make-investigating',
  'make-resolved',
])

export function outputTab(output: Output): OutputTab {
  const { id, label, target, applicable } = output
  return { id, label, target, applicable, rich: RICH_OUTPUTS.has(id) }
}

/**
 * What the panel shows of one output. A 10,000-entry timeline makes outputs of megabytes: the
 * preview keeps the first lines and says how many more the copy holds.
 */
export function outputPreview(output: Output): OutputPreview {
  const rest: Output = { ...output }
  delete rest.html
  const lines = output.text.split('\n')
  const hiddenLines = Math.max(0, lines.length - PREVIEW_LINES)
  return {
    ...rest,
    rich: RICH_OUTPUTS.has(output.id),
    text: hiddenLines ? lines.slice(0, PREVIEW_LINES).join('\n') : output.text,
    hiddenLines,
  }
}

/**
 * Every output of one incident. With `only`, the other outputs keep their labels, targets and
 * whether they apply, but their text is left empty: the panel lists them all and shows one, and a
 * long timeline makes each text costly. `html: false` leaves out the rich copy (RICH_OUTPUTS).
 */
export function renderOutputs(
  view: CommsView,
  templates: Templates = {},
  here = false,
  only?: OutputId,
  options: { html?: boolean } = {},
): Output[] {
  // The HTML is for the clipboard; a preview does not need it (it is the costliest part).
  const rich = (text: string) => (options.html === false ? {} : { html: textToHtml(text) })
  const plain = placeholderValues(view, here)
  const wanted = (output: OutputId) => only === undefined || only === output
  const resolved = view.status === 'resolved' || view.status === 'reviewed'
  const sev1 = view.severityLevel === 1
  const critical = view.severityLevel <= 2
  const unrendered = { text: '' } as { text: string; templateError?: string }
  // Values made only for an output that is rendered (the bug report filters the timeline).
  const render = (output: OutputId, id: TemplateId, values = () => plain) =>
    wanted(output) ? fill(id, templates, values()) : unrendered

  const post = render('p2-post', 'p2Post')
  const title = render('p2-post', 'p2Title')
  const comment = render('p2-comment', 'p2Comment')
  // Pasted into Slack's composer, which takes text as typed: `&` must stay `&`.
  const slack = render('slack', 'slack')
  const signal = render('signal', 'signal')
  const makeInv = render('make-investigating', 'makeInvestigating')
  const makeRes = render('make-resolved', 'makeResolved')
  const replyInv = render('reply-investigating', 'replyInvestigating')
  const replyRes = render('reply-resolved', 'replyResolved')
  // A bug report tells what happened: no runs of status updates ("Daily updates, …").
  const bug = render('github-bug', 'githubBug', () => ({
    ...plain,
    timeline: timelineText(view.timeline.filter((l) => !l.updateRun)),
  }))
  const stab = render('github-stabilize', 'githubStabilize')
  const texts = {
    post,
    title,
    comment,
    slack,
    signal,
    makeInv,
    makeRes,
    replyInv,
    replyRes,
    bug,
    stab,
  }
  const flags = { resolved, sev1, critical }
  return [...announcements(view, texts, flags, rich), ...followUps(view, texts, flags)]
}

type Rendered = { text: string; templateError?: string }
type Texts = Record<
  | 'post'
  | 'title'
  | 'comment'
  | 'slack'
  | 'signal'
  | 'makeInv'
  | 'makeRes'
  | 'replyInv'
  | 'replyRes'
  | 'bug'
  | 'stab',
  Rendered
>
type Flags = { resolved: boolean; sev1: boolean; critical: boolean }

const errorOf = (...parts: { templateError?: string }[]) =>
  parts.map((p) => p.templateError).find(Boolean)

/** The P2 status comment of a status, with its text. */
export function commentOutput(statusTag: string, text: string): Output {
  return {
    id: 'p2-comment',
    label: `P2 status comment (${statusTag})`,
    target: 'P2 (WordPress)',
    text,
    applicable: true,
  }
}

/** The P2 post and comment, Slack, Signal and the Make posts. */
function announcements(
  view: CommsView,
  t: Texts,
  { resolved, sev1 }: Flags,
  rich: (text: string) => { html?: string },
): Output[] {
  const { post, title, comment, slack, signal, makeInv, makeRes } = t
  return [
    {
      id: 'p2-post',
      label: 'P2 incident post',
      target: 'P2 (WordPress)',
      title: title.text,
      text: post.text,
      ...rich(post.text),
      applicable: true,
      templateError: errorOf(title, post),
    },
    {
      ...commentOutput(view.statusTag, comment.text),
      ...rich(comment.text),
      templateError: comment.templateError,
    },
    {
      id: 'slack',
      label: 'Slack message',
      target: 'Slack',
      text: slack.text,
      applicable: true,
      templateError: slack.templateError,
    },
    {
      id: 'signal',
      label: 'Signal alert',
      target: 'Signal (maintainers)',
      text: signal.text,
      applicable: sev1,
      note: sev1 ? undefined : 'The runbook asks for a Signal message for Severity 1 only.',
      templateError: signal.templateError,
    },
    {
      id: 'make-investigating',
      label: 'Make post: investigating',
      target: 'Make WordPress',
      title: `Investigating: ${outageName(view.title)}`,
      text: makeInv.text,
      ...rich(makeInv.text),
      applicable: !resolved,
      templateError: makeInv.templateError,
    },
    {
      id: 'make-resolved',
      label: 'Make post: resolved (edit)',
      target: 'Make WordPress',
      title: `Resolved: ${outageName(view.title)}`,
      text: makeRes.text,
      ...rich(makeRes.text),
      applicable: resolved,
      note: resolved ? undefined : 'Use this to edit the Make post once the incident is resolved.',
      templateError: makeRes.templateError,
    },
  ]
}

/** The replies to the reporter, the GitHub issues and the runbook line. */
function followUps(view: CommsView, t: Texts, { resolved, critical }: Flags): Output[] {
  const { replyInv, replyRes, bug, stab } = t
  return [
    {
      id: 'reply-investigating',
      label: 'Reply to the reporter',
      target: 'Where it was reported',
      text: replyInv.text,
      applicable: view.userReported && !resolved,
      note: view.userReported ? undefined : 'For incidents a user reported.',
      templateError: replyInv.templateError,
    },
    {
      id: 'reply-resolved',
      label: 'Follow-up to the reporter',
      target: 'Where it was reported',
      text: replyRes.text,
      applicable: view.userReported && resolved,
      note: view.userReported ? undefined : 'For incidents a user reported.',
      templateError: replyRes.templateError,
    },
    {
      id: 'github-bug',
      label: 'GitHub issue: bug report',
      target: 'GitHub',
      title: `Production Incident: ${view.title}`,
      text: bug.text,
      labels: ['bug'],
      applicable: true,
      templateError: bug.templateError,
    },
    {
      id: 'github-stabilize',
      label: 'GitHub issue: stabilization task',
      target: 'GitHub',
      title: `Stabilize: ${view.title}`,
      text: stab.text,
      labels: critical ? ['critical'] : [],
      applicable: true,
      note: critical
        ? `Marked critical: it stabilizes a ${view.severityLabel} incident.`
        : undefined,
      templateError: stab.templateError,
    },
    {
      id: 'runbook-line',
      label: 'Runbook line (Related incident reports)',
      target: 'Runbook',
      text: runbookLine(view.detectedAt, view.title),
      applicable: true,
    },
  ]
}
