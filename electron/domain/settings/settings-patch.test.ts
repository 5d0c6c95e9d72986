import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from '../comms/defaults'
import { applySettingsPatch, DEFAULT_SETTINGS, Settings, SettingsPatch } from './settings'

const apply = (patch: SettingsPatch, current = DEFAULT_SETTINGS) =>
  Settings.parse(applySettingsPatch(current, SettingsPatch.parse(patch)))

describe('a settings patch, derived from the settings schema', () => {
  it('changes only the fields it names, nested ones too', () => {
    const named = apply({ you: { name: 'Dana', workingHours: { start: '08:00' } } })
    const later = apply({ you: { workingHours: { end: '16:00' } } }, named)
    expect(later.you).toMatchObject({
      name: 'Dana',
      workingHours: { start: '08:00', end: '16:00' },
    })
    expect(later.you.workingHours.days).toEqual(DEFAULT_SETTINGS.you.workingHours.days)
    expect(later.appearance).toEqual(DEFAULT_SETTINGS.appearance)
  })

  it('merges templates by id and keeps none that equals its default', () => {
    const one = apply({ templates: { slack: 'Slack {title}' } })
    const two = apply({ templates: { signal: 'Signal {title}' } }, one)
    expect(two.templates).toEqual({ slack: 'Slack {title}', signal: 'Signal {title}' })
    expect(apply({ templates: { slack: DEFAULT_TEMPLATES.slack } }, two).templates).toEqual({
      signal: 'Signal {title}',
    })
  })

  it('replaces the rota and lists whole', () => {
    const rota = { people: [{ name: 'Ana', handle: '@ana', timeZone: 'UTC' }], schedule: [] }
    const first = apply({ rota })
    const second = apply({ rota: { people: [], schedule: [] } }, first)
    expect(second.rota.people).toEqual([])
    const links = apply({ quickLinks: [{ label: 'Grafana', url: 'https://grafana.example' }] })
    expect(apply({ quickLinks: [] }, links).quickLinks).toEqual([])
  })

  it('covers every section of the settings and refuses names it does not know', () => {
    const sections = Object.keys(Settings.shape)
    for (const section of sections) {
      const current = DEFAULT_SETTINGS[section as keyof typeof DEFAULT_SETTINGS]
      // Each section can be given as it is, and comes back unchanged.
      expect(apply({ [section]: current } as SettingsPatch)[section as 'you']).toEqual(current)
      const isObject =
        typeof current === 'object' &&
        !Array.isArray(current) &&
        section !== 'templates' &&
        section !== 'rota'
      if (isObject) {
        const unknown = SettingsPatch.safeParse({ [section]: { notASetting: 1 } })
        expect(unknown.success, section).toBe(false)
      }
    }
    expect(SettingsPatch.safeParse({ notASection: {} }).success).toBe(false)
  })
})
