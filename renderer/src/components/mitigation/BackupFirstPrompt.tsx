import './BackupFirstPrompt.css'

/**
 * Before a destructive action (restart, delete): a backup or screenshot first makes it undoable.
 * Without `onCapture` (no screen capturer wired yet) the capture button says why it is off.
 */
export function BackupFirstPrompt(props: {
  action: string
  onCapture?: () => void
  onHaveBackup: () => void
  onCancel: () => void
}) {
  return (
    <div className="backup-prompt" role="alertdialog" aria-labelledby="backup-prompt-title">
      <p id="backup-prompt-title" className="backup-prompt-title">
        Take a backup or screenshot first?
      </p>
      <p className="hint">
        {props.action} can’t be taken back. A screenshot of the current state helps the
        retrospective; a backup lets you restore.
      </p>
      <div className="backup-prompt-actions">
        <button
          type="button"
          className="primary"
          onClick={props.onCapture}
          disabled={!props.onCapture}
          title={props.onCapture ? undefined : 'Screen capture is not available in this window yet'}
        >
          Capture screen now
        </button>
        <button type="button" onClick={props.onHaveBackup}>
          I have a backup
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
