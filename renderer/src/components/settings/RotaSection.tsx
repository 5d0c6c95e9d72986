import { useState } from 'react'
import type { Settings } from '../../../../electron/shared/types'
import { RotaEditor } from './RotaEditor'
import { plural } from '../../plural'

/** Who can lead and the weekly runner schedule; edited in the rota editor. */
export function RotaSection({ settings }: { settings: Settings }) {
  const [editing, setEditing] = useState(false)
  const { people, schedule } = settings.rota
  return (
    <div className="field">
      <p>
        {people.length === 0
          ? 'Nobody is on the rota yet: lead suggestions need the people who can lead.'
          : `${plural(people.length, 'person', 'people')} on the rota: ${people.map((p) => p.name).join(', ')}. ${plural(schedule.length, 'runner week')} scheduled.`}
      </p>
      <div>
        <button type="button" className="primary" onClick={() => setEditing(true)}>
          Edit the rota and runner schedule…
        </button>
      </div>
      {editing && <RotaEditor onClose={() => setEditing(false)} />}
    </div>
  )
}
