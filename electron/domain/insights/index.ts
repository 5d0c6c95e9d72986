export { incidentFacts, type IncidentFacts } from './facts'
export {
  computeInsights,
  durationsBySeverity,
  incidentsPerWeek,
  leadDistribution,
  percentile,
  recurringIncidents,
  updatePunctuality,
  type Insights,
  type LeadCount,
  type Punctuality,
  type RecurringIncident,
  type SeverityDurations,
  type Spread,
  type UpdatePunctuality,
  type WeekCount,
} from './metrics'
