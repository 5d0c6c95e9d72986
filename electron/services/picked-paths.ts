import { randomUUID } from 'node:crypto'
import { UserError } from '../domain/incident/errors'

export type PickKind = 'file' | 'folder'

/**
 * What the system's pickers chose, kept in main: the renderer gets an opaque token for each,
 * never a path it could have made up, so a compromised page can only read what the user picked.
 */
export class PickedPaths {
  private readonly picked = new Map<string, { path: string; kind: PickKind }>()

  /** The token that stands for `path` from now on. */
  remember(path: string, kind: PickKind): string {
    const token = randomUUID()
    this.picked.set(token, { path, kind })
    // A handful is plenty: the oldest go first.
    if (this.picked.size > 16) this.picked.delete(this.picked.keys().next().value!)
    return token
  }

  /** The path a token stands for; a token main never gave (or for another kind) is refused. */
  path(token: string, kind: PickKind): string {
    const picked = this.picked.get(token)
    if (!picked || picked.kind !== kind) {
      throw new UserError(
        'pick-again',
        kind === 'file'
          ? 'Choose the file again with Choose…: the app reads only files chosen in its dialog.'
          : 'Choose the folder again with Choose…: the app reads only folders chosen in its dialog.',
      )
    }
    return picked.path
  }
}
