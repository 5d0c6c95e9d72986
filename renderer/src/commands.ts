/**
 * The command palette's action registry. Each feature registers a source of commands once (at
 * module load); sources are read when the palette opens, so titles can depend on the current
 * state ("Switch to: <incident>"): status moves, notes and capture, copying outputs.
 */
export interface Command {
  /** Unique and stable, e.g. "record" or "switch:<id>". */
  id: string
  title: string
  /** Shown right-aligned, as the keyboard labels it ("Ctrl+N"). */
  shortcut?: string
  /** Extra words the filter matches ("new", "create"). */
  keywords?: string
  run(): void
}

type CommandSource = () => Command[]
const sources = new Map<string, CommandSource>()

/** Adds (or replaces) a feature's commands; returns the unregister function. */
export function registerCommands(feature: string, source: CommandSource): () => void {
  sources.set(feature, source)
  return () => {
    if (sources.get(feature) === source) sources.delete(feature)
  }
}

/** Every command now, in registration order. */
export function allCommands(): Command[] {
  return [...sources.values()].flatMap((source) => source())
}
