import type { Incident } from '../../../electron/domain/incident'
import { isOutstanding, isSilenced } from '../../../electron/domain/mitigation'
import { AlarmsRegister } from './AlarmsRegister'
import { FollowupsRegister } from './FollowupsRegister'
import { MeasuresRegister } from './MeasuresRegister'
import { PartiesRegister } from './PartiesRegister'
import { QuickLinks } from './QuickLinks'
import { RunbookSteps } from './RunbookSteps'

/** Under the incident header: what is silenced or not undone, at a glance, and the registers. */
export function MitigationPanel({ incident }: { incident: Incident }) {
  const silenced = incident.alarms.filter(isSilenced).length
  const open = incident.measures.filter(isOutstanding).length
  const glance = [
    silenced && `${silenced} alarm${silenced === 1 ? '' : 's'} silenced`,
    open && `${open} measure${open === 1 ? '' : 's'} not undone`,
  ].filter(Boolean)
  return (
    <section className="mitigation" aria-labelledby="mitigation-heading">
      <header className="mitigation-header">
        <h3 id="mitigation-heading">Mitigation</h3>
        <span className={glance.length ? 'mitigation-glance open' : 'mitigation-glance'}>
          {glance.length ? glance.join(' · ') : 'Nothing silenced or left to undo'}
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
