// Run first by `npm test`: checks what the tests need (Node, the installed packages, Chromium, and
// the WordPress test site where it is required) and stops within seconds with the line that
// installs what is missing, instead of minutes of tests failing with the same launch error.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** "20.19.0" against ">=20.19": true when the version is at least the range's floor. */
export function meetsNode(version, range) {
  const floor = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim())
  if (!floor) return true
  const have = version.replace(/^v/, '').split('.').map(Number)
  const want = floor.slice(1).map((n) => Number(n ?? 0))
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > want[i]
  }
  return true
}

function checkNode() {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? ''
  if (meetsNode(process.version, range)) return null
  return `Node ${range.replace('>=', '')} or later is needed; this is ${process.version}.
  Install a current Node 20 or 22 (https://nodejs.org, or your version manager: nvm install 22).`
}

function checkPackages() {
  if (existsSync(join(root, 'node_modules', '.bin', 'vitest'))) return null
  return `The project's packages are not installed.
  npm ci`
}

function checkChromium(env) {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  try {
    accessSync(path, constants.X_OK)
    return null
  } catch {
    return `The end-to-end tests need Chromium, and there is none at ${path}.
  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium
  Or point at a Chromium you have: CHROMIUM_PATH=/path/to/chromium npm test`
  }
}

async function checkWordPress(env) {
  if (env.INCIDENT_TRAY_WP_REQUIRED !== '1') return null
  const file = env.WP_TEST_SITE_FILE ?? '/tmp/incident-tray-wp.json'
  const install = `  Install and start it (Debian/Ubuntu, as root): scripts/wordpress-test-site.sh
  Or run without INCIDENT_TRAY_WP_REQUIRED=1 to skip the publishing tests against it.`
  if (!existsSync(file)) {
    return `INCIDENT_TRAY_WP_REQUIRED=1, but there is no WordPress test site (${file} is missing).\n${install}`
  }
  try {
    const { url } = JSON.parse(readFileSync(file, 'utf8'))
    const res = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5_000) })
    if (res.ok) return null
    return `INCIDENT_TRAY_WP_REQUIRED=1, but the WordPress test site at ${url} answered ${res.status}.\n${install}`
  } catch (error) {
    return `INCIDENT_TRAY_WP_REQUIRED=1, but the WordPress test site of ${file} does not answer (${error.message}).\n  Start it: scripts/wordpress-test-site.sh start`
  }
}

/** Every requirement not met, as messages a newcomer can act on (empty when all are). */
export async function missingRequirements(env = process.env) {
  const found = [checkNode(), checkPackages(), checkChromium(env), await checkWordPress(env)]
  return found.filter((message) => message !== null)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const missing = await missingRequirements()
  if (missing.length > 0) {
    console.error(`npm test cannot run yet:\n\n${missing.join('\n\n')}\n`)
    process.exit(1)
  }
}
