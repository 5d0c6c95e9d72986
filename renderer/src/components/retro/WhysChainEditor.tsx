import type { WhysChain } from '../../../../electron/shared/types'
import { newId } from './ids'

/** One 5-whys chain: the problem, why after why with its answer, and the root cause it ends in. */
export function WhysChainEditor({
  chain,
  index,
  onChange,
  onRemove,
}: {
  chain: WhysChain
  index: number
  onChange(chain: WhysChain): void
  onRemove?: () => void
}) {
  const name = `5-whys chain ${index + 1}`
  const setWhy = (i: number, field: 'question' | 'answer', value: string) =>
    onChange({
      ...chain,
      whys: chain.whys.map((w, j) => (j === i ? { ...w, [field]: value } : w)),
    })
  return (
    <fieldset className="retro-chain" aria-label={name}>
      <legend className="label">{name}</legend>
      <label className="field">
        <span className="label-small">What happened (where the chain starts)</span>
        <input
          value={chain.problem}
          onChange={(e) => onChange({ ...chain, problem: e.target.value })}
          placeholder="Every search answered 500 for 29 minutes"
        />
      </label>
      <ol className="retro-whys">
        {chain.whys.map((why, i) => (
          <WhyItem
            key={why.id}
            name={name}
            index={i}
            why={why}
            onChange={(field, value) => setWhy(i, field, value)}
            onRemove={
              chain.whys.length > 1
                ? () => onChange({ ...chain, whys: chain.whys.filter((_, j) => j !== i) })
                : undefined
            }
          />
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange({ ...chain, whys: [...chain.whys, { id: newId(), question: '', answer: '' }] })
        }
      >
        Add a why to chain {index + 1}
      </button>
      <label className="field">
        <span className="label-small">Root cause</span>
        <textarea
          aria-label={`${name}, root cause`}
          rows={2}
          value={chain.rootCause}
          onChange={(e) => onChange({ ...chain, rootCause: e.target.value })}
          placeholder="The system or process gap the whys lead to"
        />
      </label>
      {onRemove && (
        <button type="button" className="link" onClick={onRemove}>
          Remove chain {index + 1}
        </button>
      )}
    </fieldset>
  )
}

function WhyItem(props: {
  name: string
  index: number
  why: WhysChain['whys'][number]
  onChange: (field: 'question' | 'answer', value: string) => void
  onRemove?: () => void
}) {
  const { name, why, onChange } = props
  const i = props.index
  return (
    <li className="retro-why">
      <label className="field">
        <span className="label-small">Why {i + 1}?</span>
        <input
          aria-label={`${name}, why ${i + 1}`}
          value={why.question}
          onChange={(e) => onChange('question', e.target.value)}
          placeholder={i === 0 ? 'Why did it happen?' : 'Why was that?'}
        />
      </label>
      <label className="field">
        <span className="label-small">Answer</span>
        <textarea
          aria-label={`${name}, answer ${i + 1}`}
          rows={2}
          value={why.answer}
          onChange={(e) => onChange('answer', e.target.value)}
        />
      </label>
      {props.onRemove && (
        <button type="button" className="link" onClick={props.onRemove}>
          Remove why {i + 1}
        </button>
      )}
    </li>
  )
}
