import { useEffect, useState } from 'react'
import { api } from '../../api'
import './BackupProgress.css'

/**
 * While a backup is being read (in main's worker thread), how far reading the file has got, then
 * checking its incidents, and a Cancel that stops it. Polled, since the host answers progress as a
 * plain call.
 */
export function BackupProgress({ active }: { active: boolean }) {
  const [progress, setProgress] = useState<{
    read: number
    total: number
    checked?: number
    incidents?: number
  } | null>(null)
  useEffect(() => {
    if (!active) return
    let stopped = false
    const poll = async () => {
      const result = await api.backup.progress()
      if (!stopped && result.ok && result.value.running) setProgress(result.value)
    }
    const timer = setInterval(() => void poll(), 200)
    void poll()
    return () => {
      stopped = true
      clearInterval(timer)
      setProgress(null)
    }
  }, [active])
  if (!active || !progress) return null
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
  const { checked, incidents } = progress
  const checking = checked !== undefined && incidents !== undefined
  return (
    <div className="backup-progress" role="status">
      <label>
        <span>
          {checking
            ? `Checking the backup: ${checked.toLocaleString('en')} of ${incidents.toLocaleString('en')} incidents`
            : `Reading the backup: ${mb(progress.read)} of ${mb(progress.total)}`}
        </span>
        <progress
          max={checking ? incidents : progress.total}
          value={checking ? checked : progress.read}
          aria-label="Reading the backup"
        />
      </label>
      <button type="button" onClick={() => void api.backup.cancel()}>
        Cancel
      </button>
    </div>
  )
}
