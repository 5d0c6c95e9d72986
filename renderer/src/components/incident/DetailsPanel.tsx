import type { IncidentViewModel } from '../../../../electron/shared/view-contract'
import { DETECTION_LABELS, severityLevel } from '../../../../electron/shared/format'
import { formatDuration, formatLocalAndUtc, useNow } from '../../time'
import { LeadHistory } from './LeadPicker'
import { SeverityChange } from './SeverityChange'
import './DetailsPanel.css'

/** The Details panel: the facts recorded at the start, what was observed, who led and when. */
export function DetailsPanel({ incident }: { incident: IncidentViewModel }) {
  const now = useNow()
  const definition = severityLevel(incident.scale, incident.severity)?.definition
  return (
    <section className="details-panel" aria-labelledby="details-heading">
      <h3 id="details-heading">Details</h3>
      {definition && (
        <p className="severity-definition">
          {definition} <SeverityChange incident={incident} />
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Lead</dt>
          <dd>
            {incident.lead ?? (
              <span className="missing">
                {incident.active ? 'No lead yet' : 'No lead was named'}
              </span>
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
      {!incident.lead && incident.active && (
        <p className="hint">
          Recording ends when a lead is identified: by default this week’s MSR runner, or another
          online maintainer (maybe you).
        </p>
      )}
      <LeadHistory incident={incident} />
      <div className="observed">
        <h4>What was observed</h4>
        {incident.observed ? (
          <p>{incident.observed}</p>
        ) : (
          <p className="hint">Nothing was written down when it was recorded.</p>
        )}
      </div>
    </section>
  )
}
