const isMac = navigator.platform.toLowerCase().includes('mac')

/** The modifier as the user's keyboard labels it. */
export const MOD = isMac ? '⌘' : 'Ctrl'
