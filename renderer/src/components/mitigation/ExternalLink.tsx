import type { ReactNode } from 'react'

/** A register item's name: a link opened outside the app when it has one, else plain text. */
export function ExternalLink({ href, children }: { href?: string | null; children: ReactNode }) {
  return href ? (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  ) : (
    <>{children}</>
  )
}
