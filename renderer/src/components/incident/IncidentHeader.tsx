import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { useApp } from '../../store'
import { SeverityBadge } from './Badges'
import { LeadPicker } from './LeadPicker'
import { StatusControl } from './StatusControl'
import { UpdateCountdown } from '../comms/UpdateCountdown'
import { RetroDueBadge } from '../retro/RetroSection'
import './IncidentHeader.css'
import { plural } from '../../plural'

/** "1 alarm silenced · 1 measure not undone", or '' when nothing is left open. */
export function outstandingGlance(incident: IncidentViewModel): string {
  const silenced = incident.silencedAlarmIds.length
  const open = incident.outstandingMeasureIds.length
  return [
    silenced && `${plural(silenced, 'alarm')} silenced`,
    open && `${plural(open, 'measure')} not undone`,
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * The sticky head of the workspace: what the incident is, where it stands, what is
 * due next and who leads. Everything else lives in the panels, one key away.
 */
export function IncidentHeader({ incident }: { incident: IncidentViewModel }) {
  const showPanel = useApp((s) => s.showPanel)
  const [pickingLead, setPickingLead] = useState(false)
  const glance = outstandingGlance(incident)
  return (
    <section className="incident-header" aria-labelledby="incident-title">
      <div className="ih-row ih-title-row">
        <h2 id="incident-title" className="incident-title">
          {incident.title}
        </h2>
        <SeverityBadge scale={incident.scale} level={incident.severity} />
        {incident.area && <span className="badge area">{incident.area}</span>}
        {incident.retroDue && <RetroDueBadge />}
      </div>
      <div className="ih-row ih-status-row">
        <StatusControl incident={incident} />
        <div className="ih-people">
          {incident.lead ? (
            <span className="ih-lead">
              <span className="label-small">Lead</span> <strong>{incident.lead}</strong>{' '}
              <button type="button" className="link" onClick={() => setPickingLead(true)}>
                Change lead…
              </button>
            </span>
          ) : (
            <span className="ih-lead ih-no-lead" role="status">
              <strong>No lead yet.</strong>{' '}
              <button type="button" className="small primary" onClick={() => setPickingLead(true)}>
                Choose lead
              </button>
            </span>
          )}
          {glance && (
            <button
              type="button"
              className="link ih-glance"
              title="Open the Mitigation panel"
              onClick={() => showPanel('mitigation')}
            >
              {glance}
            </button>
          )}
        </div>
      </div>
      <UpdateCountdown incident={incident} />
      {pickingLead && <LeadPicker incident={incident} onClose={() => setPickingLead(false)} />}
    </section>
  )
}
