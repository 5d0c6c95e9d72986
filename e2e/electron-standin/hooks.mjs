// Module resolution hook for the built app's process: `electron` (from out/main/index.js and
// from electron-store alike) resolves to the stand-in bundle named in STANDIN_MODULE.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: process.env.STANDIN_MODULE, shortCircuit: true }
  return nextResolve(specifier, context)
}
