/** An error the user caused and can fix; its message is shown as written. */
export class UserError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'UserError'
    this.code = code
  }
}
