import { summarize, type Incident, type IncidentSummary } from '../domain/incident'
import { incidentFacts, type IncidentFacts } from '../domain/insights'
import type { IndexEntry } from './index-file'
import type { IncidentLinks } from './link-repair'

function linksOf(incident: Incident): IncidentLinks {
  return incident.links.map(({ id, relation }) => ({ id, relation }))
}

/** Facts are worked out when first read (insights, writing the index), not on every append. */
/**
 * The entry of an incident just changed: each part worked out once, when first read (after the
 * command is answered); the incident itself is let go once all three are. A class, not a literal
 * with getters: one object per append instead of one closure per part. `toJSON` writes it to the
 * index like a plain entry.
 */
class ChangedEntry implements IndexEntry {
  #source: Incident | undefined
  #summary: IncidentSummary | undefined
  #links: IncidentLinks | undefined
  #facts: IncidentFacts | undefined

  constructor(
    incident: Incident,
    readonly logSize: number,
  ) {
    this.#source = incident
  }

  get summary(): IncidentSummary {
    return this.#summary ?? this.#settle((this.#summary = summarize(this.#source!)))
  }

  get links(): IncidentLinks {
    return this.#links ?? this.#settle((this.#links = linksOf(this.#source!)))
  }

  get facts(): IncidentFacts {
    return this.#facts ?? this.#settle((this.#facts = incidentFacts(this.#source!)))
  }

  toJSON(): IndexEntry {
    return { logSize: this.logSize, summary: this.summary, facts: this.facts, links: this.links }
  }

  #settle<T>(part: T): T {
    if (this.#summary && this.#links && this.#facts) this.#source = undefined
    return part
  }
}

export function entryOf(incident: Incident, logSize: number): IndexEntry {
  return new ChangedEntry(incident, logSize)
}

export function settledEntryOf(incident: Incident, logSize: number): IndexEntry {
  return {
    logSize,
    summary: summarize(incident),
    facts: incidentFacts(incident),
    links: linksOf(incident),
  }
}
