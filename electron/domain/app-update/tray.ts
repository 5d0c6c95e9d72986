import type { TrayItem, TrayModel } from '../incident/tray-model'
import type { UpdateOffer } from './policy'

/**
 * The tray with the update's item, just above Settings…: "Check for updates", "Restart to update
 * to 1.4.0", or the notice that a ready update waits for the incidents to end.
 */
export function withUpdateItem(model: TrayModel, offer: UpdateOffer): TrayModel {
  const item = offer.tray
  if (!item) return model
  const at = model.items.findIndex((i) => i.kind === 'settings')
  const items: TrayItem[] = [...model.items]
  items.splice(at < 0 ? items.length : at, 0, item)
  return { ...model, items }
}
