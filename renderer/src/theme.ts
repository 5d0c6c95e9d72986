import { useEffect } from 'react'
import type { Theme } from '../../electron/shared/types'

/**
 * The manual theme override: data-theme on <html> sets color-scheme, which picks each colour's
 * light or dark side in styles/palette.css (light-dark()); "system" removes it so
 * prefers-color-scheme decides (main also sets nativeTheme.themeSource).
 */
export function useDocumentTheme(theme: Theme | undefined): void {
  useEffect(() => {
    const root = document.documentElement
    if (!theme || theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}
