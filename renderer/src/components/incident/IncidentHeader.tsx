import { useState } from 'react'
import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { useApp } from '../../store'
import { SeverityBadge } from './Badges'
import { LeadPicker } from './LeadPicker'
import { StatusControl, type MenuItem } from './StatusControl'
import { UpdateCountdown } from '../comms/UpdateCountdown'
import { P2Line } from './P2Line'
import { RetroDueBadge } from '../retro/RetroSection'
import './IncidentHeader.css'
import { plural } from '../../plural'
import { useCompact } from '../../useCompact'

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
 * due next and who leads. Everything else lives in the panels, one key away. Docked, the status
 * row is the one row for status and the next move: who leads and what is left open join its
 * menu, which reads "No lead…" while an active incident has none.
 */
export function IncidentHeader({ incident }: { incident: IncidentViewModel }) {
  const showPanel = useApp((s) => s.showPanel)
  const compact = useCompact()
  const [pickingLead, setPickingLead] = useState(false)
  const glance = outstandingGlance(incident)
  const chooseLead = () => setPickingLead(true)
  const openMitigation = () => showPanel('mitigation')
  const noLead = incident.active && !incident.lead
  const menu: MenuItem[] = compact ? [...leadItems(incident, chooseLead)] : []
  if (compact && glance) menu.push({ key: 'glance', label: glance, act: openMitigation })
  return (
    <section className="incident-header" aria-labelledby="incident-title">
      <div className="ih-row ih-title-row">
        <h2 id="incident-title" className="incident-title" title={incident.title}>
          {incident.title}
        </h2>
        <SeverityBadge scale={incident.scale} level={incident.severity} />
        {incident.area && <span className="badge area">{incident.area}</span>}
        {incident.retroDue && <RetroDueBadge />}
      </div>
      <div className="ih-row ih-status-row">
        <StatusControl
          incident={incident}
          more={menu}
          moreAlert={compact && noLead ? NO_LEAD_ALERT : null}
        />
        {!compact && (
          <div className="ih-people">
            <LeadLine incident={incident} onChoose={chooseLead} />
            {glance && (
              <button
                type="button"
                className="link ih-glance"
                title="Open the Mitigation panel"
                onClick={openMitigation}
              >
                {glance}
              </button>
            )}
          </div>
        )}
      </div>
      <UpdateCountdown incident={incident} />
      <P2Line incident={incident} />
      {pickingLead && <LeadPicker incident={incident} onClose={() => setPickingLead(false)} />}
    </section>
  )
}

const NO_LEAD_ALERT = { text: 'No lead…', label: 'No lead yet: choose one here, and more' }

/** The lead in the docked menu: choose one while there is none and it is active, else change. */
function leadItems(incident: IncidentViewModel, choose: () => void): MenuItem[] {
  if (incident.lead) return [{ key: 'lead', label: `Change lead (${incident.lead})…`, act: choose }]
  return incident.active ? [{ key: 'lead', label: 'Choose lead…', act: choose }] : []
}

/**
 * Who leads; "No lead yet" nags only while the incident is active: once resolved there is no one
 * left to choose for it.
 */
function LeadLine({ incident, onChoose }: { incident: IncidentViewModel; onChoose: () => void }) {
  if (incident.lead)
    return (
      <span className="ih-lead">
        <span className="label-small">Lead</span> <strong>{incident.lead}</strong>{' '}
        <button type="button" className="link" onClick={onChoose}>
          Change lead…
        </button>
      </span>
    )
  if (!incident.active) return null
  return (
    <span className="ih-lead ih-no-lead" role="status">
      <strong>No lead yet.</strong>{' '}
      <button type="button" className="small primary" onClick={onChoose}>
        Choose lead
      </button>
    </span>
  )
}
