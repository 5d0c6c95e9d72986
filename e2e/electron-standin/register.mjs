// `node --import ./e2e/electron-standin/register.mjs out/main/index.js`: installs hooks.mjs.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
