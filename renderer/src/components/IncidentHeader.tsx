import type { Incident } from '../../../electron/domain/incident'
import { DETECTION_LABELS } from '../../../electron/domain/events'
import { severityLevel } from '../../../electron/domain/severity'
import { isRetroDue, retroFacts } from '../../../electron/domain/retro/due'
import { formatDuration, formatLocalAndUtc, useNow } from '../time'
import { useState } from 'react'
import { SeverityBadge, StatusBadge } from './Badges'
import { LeadHistory, LeadPicker } from './LeadPicker'
import { SeverityChange } from './SeverityChange'
import { StatusControl } from './StatusControl'
import { UpdateCountdown } from './UpdateCountdown'
import { RetroDueBadge } from './retro/RetroSection'

export function IncidentHeader({ incident }: { incident: Incident }) {
  const now = useNow()
  const definition = severityLevel(incident.scale, incident.severity)?.definition
  const [pickingLead, setPickingLead] = useState(false)
  return (
    <section className="incident-header" aria-labelledby="incident-title">
      <h2 id="incident-title" className="incident-title">
        {incident.title}
      </h2>
      <div className="incident-badges">
        <SeverityBadge scale={incident.scale} level={incident.severity} />
        <StatusBadge status={incident.status} />
        {incident.area && <span className="badge area">{incident.area}</span>}
        {isRetroDue(incident, retroFacts(incident)) && <RetroDueBadge />}
      </div>
      {definition && (
        <p className="severity-definition">
          {definition} <SeverityChange incident={incident} />
        </p>
      )}
      <StatusControl incident={incident} />
      <UpdateCountdown incident={incident} />
      {!incident.lead && (
        <div className="banner warn" role="status">
          <span>
            <strong>No lead yet.</strong> Recording ends when a lead is identified: by default this
            week’s MSR runner, or another online maintainer (maybe you).
          </span>
          <button type="button" className="primary" onClick={() => setPickingLead(true)}>
            Choose lead
          </button>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Lead</dt>
          <dd>
            {incident.lead ?? <span className="missing">No lead yet</span>}{' '}
            {incident.lead && (
              <button type="button" className="link" onClick={() => setPickingLead(true)}>
                Change lead…
              </button>
            )}
          </dd>
        </div>
        <div>
          <dt>Recorder</dt>
          <dd>{incident.recorder}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd title={formatLocalAndUtc(incident.recordedAt)}>
            {formatDuration(now - Date.parse(incident.recordedAt))}
          </dd>
        </div>
        <div>
          <dt>Detected by</dt>
          <dd>{DETECTION_LABELS[incident.detection]}</dd>
        </div>
      </dl>
      <LeadHistory incident={incident} />
      {pickingLead && <LeadPicker incident={incident} onClose={() => setPickingLead(false)} />}
      {incident.observed && (
        <div className="observed">
          <h3>What was observed</h3>
          <p>{incident.observed}</p>
        </div>
      )}
    </section>
  )
}
