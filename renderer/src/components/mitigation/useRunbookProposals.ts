import { useEffect, useState } from 'react'
import type { Runbook } from '../../../../electron/shared/types'
import { api } from '../../api'
import { useApp } from '../../store'

/**
 * The runbooks the host finds for an alarm name as it is typed (the matching rule is the host's).
 * Asked again when the name or the runbook library changes; an answer for an older name is dropped.
 */
export function useRunbookProposals(alarmName: string, wanted: boolean): Runbook[] {
  const library = useApp((s) => s.snapshot?.settings.runbooks)
  const [proposals, setProposals] = useState<{ name: string; runbooks: Runbook[] }>({
    name: '',
    runbooks: [],
  })
  useEffect(() => {
    if (!wanted || !library?.length) return
    let live = true
    void api.runbook.forAlarm({ name: alarmName.slice(0, 200) }).then((result) => {
      if (live && result.ok) setProposals({ name: alarmName, runbooks: result.value })
    })
    return () => {
      live = false
    }
  }, [alarmName, wanted, library])
  return wanted && library?.length && proposals.name === alarmName ? proposals.runbooks : []
}
