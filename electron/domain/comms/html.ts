import { escapeHtml } from './escape'

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g

/** Escapes a line and turns its URLs into links. */
function inline(line: string): string {
  let out = ''
  let last = 0
  for (const match of line.matchAll(URL_PATTERN)) {
    out += escapeHtml(line.slice(last, match.index))
    const url = escapeHtml(match[0])
    out += `<a href="${url}">${url}</a>`
    last = match.index + match[0].length
  }
  return out + escapeHtml(line.slice(last))
}

/**
 * The HTML copy of an output's text, for rich editors (WordPress/P2): "## " lines become
 * headings, runs of "- " lines lists, other blocks paragraphs. Everything else is escaped.
 */
export function textToHtml(text: string): string {
  const blocks: string[] = []
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n')
    let list: string[] = []
    let para: string[] = []
    const flush = () => {
      if (list.length) blocks.push(`<ul>\n${list.map((l) => `<li>${l}</li>`).join('\n')}\n</ul>`)
      if (para.length) blocks.push(`<p>${para.join('<br>\n')}</p>`)
      list = []
      para = []
    }
    for (const line of lines) {
      if (line.startsWith('## ')) {
        flush()
        blocks.push(`<h2>${inline(line.slice(3))}</h2>`)
      } else if (line.startsWith('- ')) {
        if (para.length) flush()
        list.push(inline(line.slice(2)))
      } else if (line.trim()) {
        if (list.length) flush()
        para.push(inline(line))
      }
    }
    flush()
  }
  return blocks.join('\n')
}
