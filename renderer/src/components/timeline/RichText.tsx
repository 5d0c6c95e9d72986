import { splitSecrets } from '../../../../electron/shared/format'

const URL_PATTERN = /(https?:\/\/[^\s<>"')\]]+)/g

/** Text with its links clickable and any secrets highlighted. */
export function RichText({ text, links = true }: { text: string; links?: boolean }) {
  return (
    <>
      {splitSecrets(text).map((part, i) =>
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
