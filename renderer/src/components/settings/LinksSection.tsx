import { QuickLinks } from '../mitigation/QuickLinks'
import { RunbookLibrary } from './RunbookLibrary'
import './LinksSection.css'

/** Quick links shown on every incident, and the runbook library incidents link to. */
export function LinksSection() {
  return (
    <div className="links-section">
      <QuickLinks />
      <RunbookLibrary />
    </div>
  )
}
