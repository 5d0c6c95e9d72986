import { expect, type Page } from '@playwright/test'
/** The workspace panels, in their Alt+1…5 order (renderer/src/workspace.ts). */
export const PANEL_NAMES = [
  'Mitigation',
  'Communications',
  'Key times',
  'Retrospective',
  'Details',
] as const
export type PanelName = (typeof PANEL_NAMES)[number]

/**
 * Opens a workspace panel the way a user would: its tab on a wide window, the Panels menu on a
 * compact one. Specs call this before looking inside Mitigation, Communications and the rest.
 */
export async function openPanel(page: Page, name: PanelName): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true })
  const menu = page.locator('.panel-menu')
  // Wait for the workspace: the tabs show on a wide window, the Panels menu on a compact one.
  await expect(tab.or(menu.locator('summary')).filter({ visible: true }).first()).toBeVisible()
  if (await tab.isVisible()) {
    await tab.click()
  } else {
    await menu.locator('summary').click()
    await menu.getByRole('button', { name: new RegExp(`^${name}`) }).click()
  }
  await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible()
}
