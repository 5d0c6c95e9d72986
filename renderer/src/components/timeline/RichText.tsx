import type { SecretMatch } from '../../../../electron/shared/types'

const URL_PATTERN = /(https?:\/\/[^\s<>"')\]]+)/g

/**
 * Text with its links clickable and its secrets highlighted. Where the secrets are is the host's
 * finding (`secrets`, offsets into the whole text); a shortened text shows those that fall in it.
 */
export function RichText(props: {
  text: string
  secrets: readonly SecretMatch[]
  links?: boolean
}) {
  const { text, links = true } = props
  return (
    <>
      {cutAt(text, props.secrets).map((part, i) =>
        part.secret ? (
          <mark
            key={i}
            className="secret"
            title={`Looks like a secret (${part.secret}); copies and exports mask it`}
          >
            {part.text}
          </mark>
        ) : links ? (
          <Linkified key={i} text={part.text} />
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  )
}

/** The text in plain and secret parts, by the given spans (sorted, not overlapping). */
function cutAt(text: string, spans: readonly SecretMatch[]) {
  const parts: { text: string; secret?: SecretMatch['kind'] }[] = []
  let from = 0
  for (const m of spans) {
    const end = Math.min(m.end, text.length)
    if (m.start >= end) break
    if (m.start > from) parts.push({ text: text.slice(from, m.start) })
    parts.push({ text: text.slice(m.start, end), secret: m.kind })
    from = end
  }
  if (from < text.length) parts.push({ text: text.slice(from) })
  return parts
}

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((piece, i) =>
        i % 2 === 1 ? (
          <a key={i} href={piece} target="_blank" rel="noreferrer">
            {piece}
          </a>
        ) : (
          piece
        ),
      )}
    </>
  )
}
