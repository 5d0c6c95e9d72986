import { expect, test } from './fixtures'
import { openPanel } from './workspace'

for (const size of [{ width: 1280, height: 800 }, { width: 420, height: 700 }])
test(`look ${size.width}`, async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  await page.setViewportSize(size)
  const r = await host.call('incident:record', {
    title: 'API returns 500 for all searches',
    observed: 'Every search answers 500.',
    severity: 1,
    detection: 'user-report',
    area: 'API',
    recorder: 'Dana',
  })
  if (!r.ok) throw new Error(r.error.message)
  const id = r.value.id
  for (let i = 0; i < 12; i++) await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: `Note ${i}: looked at the logs` } })
  await host.call('alarm:silence', { id, name: 'API 5xx' })
  await host.call('measure:start', { id, kind: 'restart', what: 'search pods', undoPlan: 'none' })
  await expect(page.getByRole('heading', { name: 'API returns 500 for all searches' })).toBeVisible()
  const dir = 'e2e/screenshots/workspace/look'
  await page.screenshot({ path: `${dir}/${size.width}-open.png` })
  for (const p of ['Mitigation', 'Communications', 'Key times', 'Retrospective', 'Details'] as const) {
    await openPanel(page, p)
    await page.screenshot({ path: `${dir}/${size.width}-${p}.png` })
  }
})
