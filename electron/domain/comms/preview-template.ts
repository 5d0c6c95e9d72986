import type { TemplateId } from './defaults'
import { fill, placeholderValues } from './fill'
import type { CommsView } from './view'

/**
 * One template's text rendered for `view` exactly as Copy renders it (filled, then tidied), or the
 * problem that makes Copy fall back to the default: the settings' preview shows what will be copied.
 */
export function previewTemplate(
  id: TemplateId,
  text: string,
  view: CommsView,
): { ok: true; text: string } | { ok: false; error: string } {
  const filled = fill(id, { [id]: text }, placeholderValues(view))
  return filled.templateError !== undefined
    ? { ok: false, error: filled.templateError }
    : { ok: true, text: filled.text }
}
