/**
 * What a workspace panel shows before its data arrives, or when it could not be loaded: the
 * panel's heading and a line of text in the space the content will take, never a blank box.
 */
export function PanelPlaceholder({ title, failed }: { title: string; failed: string | null }) {
  return (
    <section className="panel-placeholder" aria-label={title} aria-busy={!failed}>
      <h3>{title}</h3>
      {failed ? (
        <p className="banner error" role="alert">
          <span>
            Could not load {title.toLowerCase()}: {failed}
          </span>
        </p>
      ) : (
        <p className="hint">Loading {title.toLowerCase()}…</p>
      )}
    </section>
  )
}
