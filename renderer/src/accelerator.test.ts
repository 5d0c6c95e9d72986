import { describe, expect, it } from 'vitest'
import { acceleratorFromKeyPress, type KeyPress } from './accelerator'

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: 'a',
  code: 'KeyA',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
})

describe('acceleratorFromKeyPress', () => {
  it('records Ctrl on Windows/Linux and ⌘ on macOS as CmdOrCtrl', () => {
    const p = press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true })
    expect(acceleratorFromKeyPress(p, false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CmdOrCtrl+Shift+P',
    })
    expect(acceleratorFromKeyPress({ ...p, ctrlKey: false, metaKey: true }, true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CmdOrCtrl+Shift+P',
    })
  })
  it('uses the physical key, so Alt combinations on macOS stay readable', () => {
    expect(
      acceleratorFromKeyPress(press({ key: 'ˆ', code: 'KeyI', altKey: true, metaKey: true }), true),
    ).toEqual({
      kind: 'accelerator',
      accelerator: 'CmdOrCtrl+Alt+I',
    })
  })
  it('waits while only modifiers are held', () => {
    expect(
      acceleratorFromKeyPress(press({ key: 'Control', code: 'ControlLeft', ctrlKey: true }), false),
    ).toEqual({ kind: 'waiting' })
  })
  it('refuses a key without a modifier, or with Shift only', () => {
    expect(acceleratorFromKeyPress(press({}), false).kind).toBe('invalid')
    expect(acceleratorFromKeyPress(press({ shiftKey: true }), false)).toEqual({
      kind: 'invalid',
      message:
        'A global shortcut needs Ctrl or Alt as well, so typing elsewhere does not trigger it.',
    })
  })
})
