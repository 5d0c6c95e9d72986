/** True on macOS, where the main modifier is ⌘. */
export const IS_MAC = navigator.platform.toLowerCase().includes('mac')

/** The modifier as the user's keyboard labels it. */
export const MOD = IS_MAC ? '⌘' : 'Ctrl'
