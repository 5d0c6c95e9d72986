import { describe, expect, it } from 'vitest'
import { outputPreview, outputTab, PREVIEW_LINES, renderOutputs, type Output } from './outputs'
import { FIXED_VIEW } from './sample'

const output = (text: string, html?: string): Output => ({
  id: 'p2-post',
  label: 'P2 incident post',
  target: 'Team blog',
  applicable: true,
  text,
  ...(html !== undefined && { html }),
})

describe('what the panel gets of an output', () => {
  it('a tab has no text, and says whether the copy is rich', () => {
    expect(outputTab(output('x', '<p>x</p>'))).toEqual({
      id: 'p2-post',
      label: 'P2 incident post',
      target: 'Team blog',
      applicable: true,
      rich: true,
    })
    expect(outputTab({ ...output('x'), id: 'slack' }).rich).toBe(false)
  })
  it('a short output is shown whole, without its HTML', () => {
    const preview = outputPreview(output('a\nb', '<p>a</p>'))
    expect(preview).toMatchObject({ text: 'a\nb', hiddenLines: 0, rich: true })
    expect('html' in preview).toBe(false)
  })
  it('a long one keeps its first lines and counts the rest', () => {
    const text = Array.from({ length: PREVIEW_LINES + 42 }, (_, i) => `line ${i + 1}`).join('\n')
    const preview = outputPreview(output(text))
    expect(preview.hiddenLines).toBe(42)
    expect(preview.text.split('\n')).toHaveLength(PREVIEW_LINES)
    expect(preview.text.endsWith(`line ${PREVIEW_LINES}`)).toBe(true)
  })
})

describe('rendering only the shown output', () => {
  it('gives the same text for it and the same tabs as rendering all', () => {
    const all = renderOutputs(FIXED_VIEW)
    for (const output of all) {
      const one = renderOutputs(FIXED_VIEW, {}, false, output.id)
      expect(one.find((o) => o.id === output.id)).toEqual(output)
      // Rich exactly when the full rendering has HTML.
      expect(outputTab(output).rich).toBe(output.html !== undefined)
      expect(one.map(outputTab)).toEqual(all.map(outputTab))
      expect(
        one.filter((o) => o.id !== output.id && o.id !== 'runbook-line').map((o) => o.text),
      ).toEqual(all.filter((o) => o.id !== output.id && o.id !== 'runbook-line').map(() => ''))
    }
  })
})
