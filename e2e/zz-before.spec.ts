import { expect, test } from './fixtures'

test('before: the incident screen at 1280x800', async ({ launchApp }) => {
  const app = await launchApp({ settings: { you: { name: 'Dana' } } })
  const { page, host } = app
  await page.setViewportSize({ width: 1280, height: 800 })
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
  for (let i = 0; i < 12; i++)
    await host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'note', text: `Note ${i}: looked at the logs` },
    })
  await host.call('alarm:silence', { id, name: 'API 5xx' })
  await host.call('measure:start', { id, kind: 'restart', what: 'search pods', undoPlan: 'none' })
  await expect(
    page.getByRole('heading', { name: 'API returns 500 for all searches' }),
  ).toBeVisible()
  await page.waitForTimeout(500)
  const dir = 'e2e/screenshots/workspace/before'
  await page.screenshot({ path: `${dir}/incident-1280x800.png` })
  await page.screenshot({ path: `${dir}/incident-1280x800-full.png`, fullPage: true })
  for (let y = 800; y < 6000; y += 700) {
    await page.evaluate((y) => {
      document.querySelector('.detail')!.scrollTop = y
    }, y)
    await page.screenshot({ path: `${dir}/scroll-${y}.png` })
  }
  await page.setViewportSize({ width: 420, height: 700 })
  await page.evaluate(() => {
    ;(document.scrollingElement ?? document.body).scrollTo(0, 0)
    document.querySelector('.detail')?.scrollTo(0, 0)
  })
  await page.screenshot({ path: `${dir}/incident-420x700.png` })
})
