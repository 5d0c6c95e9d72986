/**
 * Templates with `{placeholder}` fields. `{{` and `}}` stand for literal braces. A template that
 * names an unknown field or leaves a brace open is refused with a message that names the problem
 * and where it is, so the user can fix it; callers then fall back to the default template.
 */
export type TemplateResult = { ok: true; text: string } | { ok: false; error: string }

export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
): TemplateResult {
  const checked = checkTemplate(template, Object.keys(values))
  if (checked) return { ok: false, error: checked }
  let out = ''
  for (const part of tokenize(template)) out += part.kind === 'text' ? part.text : values[part.name]
  return { ok: true, text: out }
}

/** The first problem in a template, or undefined when it is sound. */
export function checkTemplate(template: string, known: readonly string[]): string | undefined {
  let parts: Part[]
  try {
    parts = tokenize(template)
  } catch (err) {
    return (err as Error).message
  }
  for (const part of parts) {
    if (part.kind === 'field' && !known.includes(part.name)) {
      return `Unknown placeholder {${part.name}} (${where(template, part.at)}). Known placeholders: ${known.map((k) => `{${k}}`).join(', ')}.`
    }
  }
  return undefined
}

type Part = { kind: 'text'; text: string } | { kind: 'field'; name: string; at: number }

function tokenize(template: string): Part[] {
  const parts: Part[] = []
  let text = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    const next = template[i + 1]
    if (c === '{' && next === '{') {
      text += '{'
      i++
    } else if (c === '}' && next === '}') {
      text += '}'
      i++
    } else if (c === '{') {
      const end = template.indexOf('}', i)
      const nextOpen = template.indexOf('{', i + 1)
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        throw new Error(
          `Unclosed brace (${where(template, i)}): close it with }, or write {{ for a literal {.`,
        )
      }
      const name = template.slice(i + 1, end).trim()
      if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
        throw new Error(
          `"{${template.slice(i + 1, end)}}" is not a placeholder (${where(template, i)}); placeholders are names like {title}. Write {{ for a literal {.`,
        )
      }
      if (text) parts.push({ kind: 'text', text })
      text = ''
      parts.push({ kind: 'field', name, at: i })
      i = end
    } else if (c === '}') {
      throw new Error(`A } without its { (${where(template, i)}): write }} for a literal }.`)
    } else {
      text += c
    }
  }
  if (text) parts.push({ kind: 'text', text })
  return parts
}

function where(template: string, index: number): string {
  const before = template.slice(0, index)
  const line = before.split('\n').length
  const column = index - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}
