import { describe, expect, it } from 'vitest'
import { DEFAULT_PANEL, panelForKey, panelKey, recallPanel, rememberPanel } from './workspace'

const press = (key: string, mods: Partial<Record<'alt' | 'ctrl' | 'meta' | 'shift', boolean>>) => ({
  key,
  code: /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  altKey: Boolean(mods.alt),
  ctrlKey: Boolean(mods.ctrl),
  metaKey: Boolean(mods.meta),
  shiftKey: Boolean(mods.shift),
})

describe('panel keys', () => {
  it('Alt+digit elsewhere, Ctrl+digit on macOS', () => {
    expect(panelForKey(press('2', { alt: true }), false)).toBe('comms')
    expect(panelForKey(press('5', { alt: true }), false)).toBe('details')
    expect(panelForKey(press('2', { ctrl: true }), false)).toBeNull()
    expect(panelForKey(press('2', { ctrl: true }), true)).toBe('comms')
    expect(panelForKey(press('2', { alt: true }), true)).toBeNull()
    expect(panelForKey(press('6', { alt: true }), false)).toBeNull()
    expect(panelForKey(press('1', { alt: true, shift: true }), false)).toBeNull()
    expect(panelForKey(press('a', { alt: true }), false)).toBeNull()
  })
  it('reads the physical digit when Alt changes the character', () => {
    expect(panelForKey({ ...press('1', { alt: true }), key: '¡' }, false)).toBe('mitigation')
  })
  it('labels the key as the keyboard does', () => {
    expect(panelKey('key-times', false)).toBe('Alt+3')
    expect(panelKey('key-times', true)).toBe('Ctrl+3')
  })
})

describe('the panel remembered per incident', () => {
  it('comes back for that incident only, and survives a broken storage', () => {
    const map = new Map<string, string>()
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    }
    expect(recallPanel('INC-1', storage)).toBe(DEFAULT_PANEL)
    rememberPanel('INC-1', 'comms', storage)
    expect(recallPanel('INC-1', storage)).toBe('comms')
    expect(recallPanel('INC-2', storage)).toBe(DEFAULT_PANEL)
    expect(recallPanel('INC-2', storage, 'key-times')).toBe('key-times')
    map.set('incident-tray.panel.INC-3', 'nonsense')
    expect(recallPanel('INC-3', storage)).toBe(DEFAULT_PANEL)
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    expect(() => rememberPanel('INC-1', 'retro', broken)).not.toThrow()
    expect(recallPanel('INC-1', broken)).toBe(DEFAULT_PANEL)
  })
})
