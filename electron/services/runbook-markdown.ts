import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'

const STEPS_HEADING = /^(severity guide|steps|first steps|immediate response)\b/i
const ALARMS_LINE = /^\s*alarms?\s*:\s*(.+)$/i
const MAX_ITEMS = 50
const MAX_LINE = 500

export interface ParsedRunbook {
  title: string | null
  firstSteps: string[]
  alarms: string[]
}

/**
 * A Markdown runbook, read by a CommonMark parser so that what it means is what it says: names
 * keep their characters (`api_5xx_rate`, `scale_up.sh`), code fences of ``` or ~~~ hide what is
 * in them, and a title may be underlined (setext). The title is the first level-1 heading; the
 * first steps are the first list under a heading such as "Severity guide", "Steps", "First steps"
 * or "Immediate response" (a nested list stays with its step); an optional "Alarms: a, b" line
 * names the alarms it covers.
 */
export function parseRunbookMarkdown(markdown: string): ParsedRunbook {
  const lines = markdown.split(/\r\n|\r|\n/)
  let title: string | null = null
  let alarms: string[] = []
  let steps: string[] | null = null
  let inSteps = false
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === 'heading') {
      const name = plain(node)
      if (node.depth === 1 && title === null) title = name
      if (steps === null) inSteps = STEPS_HEADING.test(name)
    } else if (node.type === 'paragraph' && !alarms.length) {
      alarms = alarmsIn(node)
    } else if (node.type === 'list' && inSteps && steps === null) {
      steps = stepsOf(node, lines)
    }
  }
  return {
    title,
    firstSteps: (steps ?? []).filter(Boolean).slice(0, MAX_ITEMS),
    alarms: alarms.slice(0, MAX_ITEMS),
  }
}

/** Text as a reader sees it: links keep their text, emphasis and code marks go, code stays. */
function plain(node: Nodes): string {
  return oneLine(textOf(node))
}

/** `toString`, with a hard line break kept as the line break it is. */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if ('children' in node) return node.children.map(textOf).join('')
  return toString(node)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LINE)
}

/** "Alarms: a, b; c" on the first line of a paragraph. */
function alarmsIn(paragraph: Paragraph): string[] {
  const [first = ''] = textOf(paragraph).split('\n')
  const line = ALARMS_LINE.exec(first)
  return line ? (line[1] ?? '').split(/[,;]/).map(oneLine).filter(Boolean) : []
}

/**
 * Each item of the list as one step: its text, what is indented under it (a wrapped line, a code
 * block), then its nested items in brackets. A line that is not indented under its item is not
 * part of the step even when Markdown continues the paragraph with it ("lazy" continuation):
 * in a runbook it is the prose after the list.
 */
function stepsOf(list: List, lines: readonly string[]): string[] {
  const steps: string[] = []
  for (const item of list.children) {
    const { text, lazy } = itemText(item, lines)
    steps.push(text)
    if (lazy) break
  }
  return steps
}

function itemText(item: ListItem, lines: readonly string[]): { text: string; lazy: boolean } {
  const parts: string[] = []
  const nested: string[] = []
  for (const child of item.children) {
    if (child.type === 'list') {
      nested.push(...stepsOf(child, lines))
      continue
    }
    const { text, lazy } = indentedPart(child, item, lines)
    parts.push(text)
    if (lazy) return { text: oneLine(parts.join(' ')), lazy }
  }
  const under = nested.length ? ` (${nested.join('; ')})` : ''
  return { text: oneLine(parts.join(' ') + under), lazy: false }
}

/** A block of an item up to its first line that is not indented under the item. */
function indentedPart(
  block: RootContent,
  item: ListItem,
  lines: readonly string[],
): { text: string; lazy: boolean } {
  const text = textOf(block)
  const start = block.position?.start.line
  const indent = (block.position?.start.column ?? 1) - 1
  if (block.type !== 'paragraph' || start === undefined || item.position === undefined) {
    return { text, lazy: false }
  }
  const kept: string[] = []
  for (const [i, line] of text.split('\n').entries()) {
    const source = lines[start - 1 + i] ?? ''
    if (i > 0 && source.length - source.trimStart().length < indent) {
      return { text: kept.join(' '), lazy: true }
    }
    kept.push(line)
  }
  return { text: kept.join(' '), lazy: false }
}
