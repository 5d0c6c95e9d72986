import type { ReactNode } from 'react'

/**
 * A labelled set of radio buttons shown as one segmented control; `children` (a hint, an error)
 * go below it inside the same fieldset.
 */
export function RadioGroup<T extends string | number>(props: {
  legend: string
  name: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  children?: ReactNode
}) {
  return (
    <fieldset className="field">
      <legend className="label">{props.legend}</legend>
      <div className="segmented">
        {props.options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name={props.name}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {props.children}
    </fieldset>
  )
}
