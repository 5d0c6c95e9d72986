import { escapeMd } from '../comms/escape'
import { utcStamp } from '../../shared/time'
import type { CommsLine, CommsView } from '../comms/view'
import {
  ACTION_CATEGORY_LABELS,
  ACTION_TYPE_LABELS,
  type ActionItem,
  type RetroDraft,
} from './draft'

/** Everything the postmortem says: the incident as outputs see it, and the retro as typed. */
export interface PostmortemInput {
  view: CommsView
  retro: RetroDraft
  /** The key moments picked in the workspace; the whole timeline when none were picked. */
  keyMoments: CommsLine[]
  completedAt: string | null
}

/** The postmortem in Markdown, and the HTML rendered from that Markdown (services/postmortem.ts). */
export interface Postmortem {
  markdown: string
  html: string
}

/** One section: a heading and either free text or ready-made Markdown. */
interface Section {
  heading: string
  /** Free text as typed (may hold "- " lists and links): escaped for Markdown. */
  text?: string
  /** Structured content, already Markdown. */
  md?: string
}

const NOTHING = 'Nothing recorded.'

/**
 * The review seed 004 asks for, as one Markdown document: the HTML copy is rendered from it, so
 * the two never say different things.
 */
export function postmortemMarkdown(input: PostmortemInput): string {
  const { view, retro } = input
  const sections: Section[] = [
    { heading: 'Summary', text: summary(input) },
    { heading: 'Impact', text: `${view.impact || NOTHING}\n\n${impactLine(view)}` },
    timelineSection(input.keyMoments.length ? input.keyMoments : view.timeline),
    rootCauseSection(retro),
    whysSection(retro),
    { heading: 'What worked well', text: retro.workedWell.trim() || NOTHING },
    { heading: 'What failed', text: retro.failed.trim() || NOTHING },
    actionsSection(retro.actions),
    { heading: 'Process improvements', text: retro.processImprovements.trim() || NOTHING },
  ]
  const title = `Postmortem: ${view.title}`
  const intro = introLines(input)
  const markdown = [
    `# ${escapeMd(title)}`,
    escapeMd(intro.join('\n')),
    ...sections.map((s) => `## ${s.heading}\n\n${s.md ?? escapeMd(s.text ?? '')}`),
  ].join('\n\n')
  return markdown + '\n'
}

function introLines({ view, retro, completedAt }: PostmortemInput): string[] {
  const held = retro.date ? `Retrospective held on ${retro.date}` : 'Retrospective not held yet'
  const state = completedAt ? `${held}; status ${view.statusLabel}.` : `${held} (draft).`
  return [
    `${view.severityLabel} · ${view.area || 'Area not given'} · ${state}`,
    `Attendees: ${retro.attendees.join(', ') || 'not recorded'}.`,
    'This review is blameless: it looks at systems and processes, not people.',
  ]
}

function summary({ view }: PostmortemInput): string {
  const lines = [
    `${view.severityLabel} incident, detected ${utcStamp(view.detectedAt)} (${view.detection}). ` +
      `Lead: ${view.lead ?? 'none named'}; recorded by ${view.recorder}.`,
  ]
  if (view.mitigationSummary) lines.push(`Mitigation: ${view.mitigationSummary}`)
  if (view.solutionSummary) lines.push(`Solution: ${view.solutionSummary}`)
  if (view.p2Url) lines.push(`P2 post: ${view.p2Url}`)
  return lines.join('\n\n')
}

function impactLine(view: CommsView): string {
  return view.severityDefinition
    ? `${view.severityLabel}: ${view.severityDefinition}`
    : view.severityLabel
}

function timelineSection(lines: CommsLine[]): Section {
  const items = lines.map((l) => `${utcStamp(l.at)}: ${oneLine(l.text)}`)
  if (!items.length) return { heading: 'Timeline (UTC)', text: NOTHING }
  return { heading: 'Timeline (UTC)', text: items.map((i) => `- ${i}`).join('\n') }
}

/** The one place the root cause is printed; the 5 whys lead to it without repeating it. */
function rootCauseSection(retro: RetroDraft): Section {
  const causes = retro.chains
    .map((c, i) => ({ chain: i + 1, cause: oneLine(c.rootCause) }))
    .filter((c) => c.cause)
  if (causes.length <= 1) return { heading: 'Root cause', text: causes[0]?.cause ?? NOTHING }
  return {
    heading: 'Root cause',
    text: causes.map((c) => `- Chain ${c.chain}: ${c.cause}`).join('\n'),
  }
}

function whysSection(retro: RetroDraft): Section {
  const chains = retro.chains.filter((c) => c.whys.some((w) => w.question.trim()) || c.rootCause)
  if (!chains.length) return { heading: '5 whys', text: NOTHING }
  const md: string[] = []
  chains.forEach((chain, i) => {
    const name = `Chain ${i + 1}${chain.problem.trim() ? `: ${oneLine(chain.problem)}` : ''}`
    const whys = chain.whys.filter((w) => w.question.trim())
    md.push(
      `### ${escapeMd(name)}\n\n` +
        whys
          .map(
            (w, j) =>
              `${j + 1}. ${escapeMd(oneLine(w.question))}\n   ${escapeMd(oneLine(w.answer)) || '(no answer)'}`,
          )
          .join('\n') +
        (chain.rootCause.trim() ? '' : '\n\nRoot cause: (not found yet)'),
    )
  })
  return { heading: '5 whys', md: md.join('\n\n') }
}

function actionsSection(actions: ActionItem[]): Section {
  const listed = actions.filter((a) => a.title.trim())
  if (!listed.length) return { heading: 'Action items', text: NOTHING }
  const details = (a: ActionItem) =>
    [
      a.type ? ACTION_TYPE_LABELS[a.type] : '',
      a.category ? ACTION_CATEGORY_LABELS[a.category] : '',
      `owner ${a.owner.trim() || 'not named'}`,
      a.due ? `due ${a.due}` : 'no due date',
    ]
      .filter(Boolean)
      .join(' · ')
  const md = listed
    .map(
      (a) =>
        `- [${a.done ? 'x' : ' '}] ${escapeMd(oneLine(a.title))} (${escapeMd(details(a))})` +
        (a.issueUrl ? `\n  ${escapeMd(a.issueUrl)}` : ''),
    )
    .join('\n')
  return { heading: 'Action items', md }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
