import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { AlarmsRegister } from './AlarmsRegister'
import { FollowupsRegister } from './FollowupsRegister'
import { outstandingGlance } from '../incident/IncidentHeader'
import { MeasuresRegister } from './MeasuresRegister'
import { PartiesRegister } from './PartiesRegister'
import { QuickLinks } from './QuickLinks'
import { RunbookSteps } from './RunbookSteps'
import './MitigationPanel.css'

/** The Mitigation panel: what is silenced or not undone, at a glance, and the registers. */
export function MitigationPanel({ incident }: { incident: IncidentViewModel }) {
  const glance = outstandingGlance(incident)
  return (
    <section className="mitigation" aria-labelledby="mitigation-heading">
      <header className="mitigation-header">
        <h3 id="mitigation-heading">Mitigation</h3>
        <span className={glance ? 'mitigation-glance open' : 'mitigation-glance'}>
          {glance || 'Nothing silenced or left to undo'}
        </span>
      </header>
      <QuickLinks />
      <div className="registers">
        <AlarmsRegister incident={incident} />
        <MeasuresRegister incident={incident} />
        <RunbookSteps incident={incident} />
        <PartiesRegister incident={incident} />
        <FollowupsRegister incident={incident} />
      </div>
    </section>
  )
}
