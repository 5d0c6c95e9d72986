import MarkdownIt from 'markdown-it'
import type { StateCore } from 'markdown-it'
import { httpsHref } from '../domain/comms/escape'
import {
  postmortemMarkdown,
  type Postmortem,
  type PostmortemInput,
} from '../domain/retro/postmortem'

/**
 * The postmortem's HTML is its Markdown rendered by a CommonMark renderer, so the two can never
 * say different things. Raw HTML in the text stays text (`html: false`); only https addresses
 * with a host become links (`validateLink`), bare ones too (`linkify`); a line break is a line break, as the
 * document was written line by line.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true })
markdown.validateLink = (url) => httpsHref(url) !== null
markdown.core.ruler.push('task_marks', taskMarks)

/** The postmortem in Markdown, and in HTML for pasting into the P2 or a document. */
export function renderPostmortem(input: PostmortemInput): Postmortem {
  const md = postmortemMarkdown(input)
  return { markdown: md, html: markdown.render(md) }
}

/**
 * An action item's `[ ]` / `[x]` (a task list in the Markdown) reads as ☐ / ☑ in HTML: an editor
 * pasted into keeps a character, where a form checkbox would be dropped.
 */
function taskMarks(state: StateCore): void {
  const tokens = state.tokens
  tokens.forEach((token, i) => {
    if (token.type !== 'inline' || tokens[i - 2]?.type !== 'list_item_open') return
    const first = token.children?.[0]
    const mark = first?.type === 'text' ? /^\[([ xX])\] /.exec(first.content) : null
    if (!first || !mark) return
    first.content = (mark[1] === ' ' ? '☐ ' : '☑ ') + first.content.slice(mark[0].length)
  })
}
