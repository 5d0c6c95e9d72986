/**
 * The shipped templates. Placeholders in braces; a placeholder that does not apply (no lead yet,
 * no mitigation) expands to a sentence saying so or to nothing, and runs of blank lines collapse.
 * Lines starting "## " become headings and "- " list items in the HTML copy.
 */
export const DEFAULT_TEMPLATES = {
  p2Title: 'Incident: {title}',
  p2Post: `{statusTag}

## Summary
{summary}

## Details
- Severity: {severity}. {severityDefinition}
- Status: {status} · Lead: {lead} · Recorded by: {recorder}
- Detected: {detectedAt}, by {detection}
- Affected area: {area}

## Impact
{impact}

{linksSection}

## Timeline (UTC)
{timeline}

{nextUpdateLine}`,
  p2Comment: `{statusTag}

{headline}

{changes}

{review}

{nextUpdateLine}`,
  slack: `{here}*{severity} incident: {title}*
Status: {status} · Lead: {lead}
{impact}
{resolution}

*Since the last update:*
{changes}

Updates on P2: {p2Url}`,
  signal: `{alertTitle} {impact} We are on it; lead: {lead}. Updates: {p2Url}`,
  makeInvestigating: `We are investigating a problem affecting Openverse: {title}. {impact} We will post updates here as we learn more.`,
  makeResolved: `Resolved: the problem affecting Openverse ({title}) is resolved. {solution} Thank you for your patience.`,
  replyInvestigating: `Thank you for reporting this! We have recorded it as an incident and the team is investigating. We will follow up here when it is resolved.`,
  replyResolved: `Thanks again for your report: the issue ({title}) is now resolved. {solution} Please let us know if you still see a problem.`,
  githubBug: `## Description
{impact}

This is a production incident: {severity}. {severityDefinition}

## Incident report
{p2Url}

## Timeline (UTC)
{timeline}`,
  githubStabilize: `## Problem
{impact}

## Stabilization work
<!-- What needs to change so this incident cannot disrupt service again. -->

## Context
Stabilizes the {severity} incident "{title}" ({status}). Incident report: {p2Url}`,
} as const

export type TemplateId = keyof typeof DEFAULT_TEMPLATES
export const TEMPLATE_IDS = Object.keys(DEFAULT_TEMPLATES) as TemplateId[]
