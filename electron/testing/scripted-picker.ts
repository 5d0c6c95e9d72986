import type { FilePicker, FolderPicker } from '../services/ports'

/** The system's file and folder dialogs in tests: each answers with what the test queued. */
export class ScriptedPicker implements FilePicker, FolderPicker {
  private readonly answers: (string | null)[] = []
  readonly asked: string[] = []

  /** The next dialog chooses `path` (null: the user cancels). */
  answer(path: string | null): void {
    this.answers.push(path)
  }

  private next(title: string): Promise<string | null> {
    this.asked.push(title)
    return Promise.resolve(this.answers.length ? this.answers.shift()! : null)
  }

  pickFile(title: string): Promise<string | null> {
    return this.next(title)
  }

  pickFolder(title: string): Promise<string | null> {
    return this.next(title)
  }
}
