import { utcStamp } from '../../shared/time'

/** Text for HTML: WordPress's editor takes the HTML, so nothing pasted may become markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * Text for Slack mrkdwn: &, < and > escaped as Slack asks, so pasted content cannot form
 * mentions (<!channel>, <@U123>) or links (<http://x|y>).
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Text for Markdown (report.md, postmortem.md), escaping only what could become markup: `\`, `` ` ``,
 * `<` and `>` always (raw HTML, autolinks, code), and `]` where a link would follow it (`](`,
 * `][`, `]:`), which every Markdown link, image and link definition needs. A lone "[redacted]"
 * or "- item" reads as typed; `_` and `*` stay (they only style, and URLs have them).
 */
export function escapeMd(text: string): string {
  return text.replace(/[\\`<>]|\](?=[([:])/g, '\\$&')
}

/** Text inside a Markdown link's or image's brackets: every bracket escaped too. */
export function escapeMdLabel(text: string): string {
  return text.replace(/[\\`<>[\]]/g, '\\$&')
}

/** A link for a document a person opens: its normalised address if https, else null. */
export function httpsHref(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : null
  } catch {
    return null
  }
}

/** A runbook's "Related incident reports" line: `- YYYY-MM-DD at HH:MM UTC: summary`. */
export function runbookLine(iso: string, summary: string): string {
  return `- ${utcStamp(iso)}: ${summary.replace(/\s+/g, ' ').trim()}`
}
