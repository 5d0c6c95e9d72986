import type { Audience } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'

/**
 * Public items go into posts and exports; internal ones stay in the app. The toggle overrides
 * the default (handovers and key-time edits internal, findings and actions public).
 */
export function AudienceToggle(props: { incidentId: string; itemId: string; audience: Audience }) {
  const showError = useApp((s) => s.showError)
  const next: Audience = props.audience === 'public' ? 'internal' : 'public'
  return (
    <button
      type="button"
      className={`link audience audience-${props.audience}`}
      aria-label={`${props.audience === 'public' ? 'Public' : 'Internal'}: make ${next}`}
      title={
        props.audience === 'public'
          ? 'Shown in posts and exports. Click to keep it internal.'
          : 'Kept out of posts and exports. Click to make it public.'
      }
      onClick={() =>
        void api.timeline
          .audience({ incidentId: props.incidentId, itemId: props.itemId, audience: next })
          .then((r) => {
            if (!r.ok) showError(r.error.message)
          })
      }
    >
      {props.audience === 'public' ? 'public' : 'internal'}
    </button>
  )
}
