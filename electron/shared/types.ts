/**
 * The domain's types as the renderer sees them: the renderer imports only electron/shared (a lint
 * rule), so what it shows is named here. Types only; the rules stay on the host.
 */
export type { Incident, IncidentSummary } from '../domain/incident'
