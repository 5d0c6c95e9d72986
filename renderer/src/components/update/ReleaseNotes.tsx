/** A release's notes as the host gave them: plain text, and the release page (https only). */
export function ReleaseNotes({ notes, url }: { notes: string; url?: string }) {
  return (
    <div className="release-notes">
      {notes && <pre aria-label="Release notes">{notes}</pre>}
      {url && (
        <a href={url} target="_blank" rel="noreferrer">
          The release on GitHub
        </a>
      )}
    </div>
  )
}
