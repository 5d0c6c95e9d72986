/**
 * How each export is held to Electron's own definitions (node_modules/electron/electron.d.ts):
 * every member the app uses takes exactly the parameters Electron's does (so a call Electron
 * would not accept fails `npm run typecheck`); what it returns may be the stand-in's own object
 * (a StandinMenu where Electron returns a Menu).
 */
export type SameArgs<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[K]
}
