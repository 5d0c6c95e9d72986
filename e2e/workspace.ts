import { expect, type Page } from '@playwright/test'
import { PANELS } from '../renderer/src/workspace'

export type PanelName = (typeof PANELS)[number]['label']

/**
 * Opens a workspace panel the way a user would: its tab on a wide window, the Panels menu on a
 * compact one. Specs call this before looking inside Mitigation, Communications and the rest.
 */
export async function openPanel(page: Page, name: PanelName): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true })
  if (await tab.isVisible()) {
    await tab.click()
  } else {
    const menu = page.locator('.panel-menu')
    await menu.locator('summary').click()
    await menu.getByRole('button', { name: new RegExp(`^${name}`) }).click()
  }
  await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible()
}
