/** The status comment's opening sentence, editable before it is copied or published. */
export function CommentHeadline(props: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="field comms-headline">
      <span className="label">Opening sentence (status and impact)</span>
      <textarea
        rows={2}
        maxLength={500}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="hint">What the comment says first; edit it before copying.</span>
    </label>
  )
}
