import { existsSync, readFileSync } from 'node:fs'

/** The real WordPress scripts/wordpress-test-site.sh installs, as the tests read it. */
export interface TestSite {
  url: string
  /** An editor: may publish posts, comment and tag. */
  user: string
  password: string
  /** A subscriber: valid credentials without the right to publish. */
  subscriber: { user: string; password: string }
}

export const TEST_SITE_FILE = process.env.WP_TEST_SITE_FILE ?? '/tmp/incident-tray-wp.json'

/** In CI the site must be there (.ci/run sets this): a missing site fails instead of skipping. */
export const TEST_SITE_REQUIRED = process.env.INCIDENT_TRAY_WP_REQUIRED === '1'

/** The line a skipped WordPress test prints. */
export const SKIP_LINE = `WordPress tests skipped: no test site (run scripts/wordpress-test-site.sh; it writes ${TEST_SITE_FILE})`

/** The site's details if it is installed and answering, else null. */
export async function testSite(): Promise<TestSite | null> {
  if (!existsSync(TEST_SITE_FILE)) return null
  const site = JSON.parse(readFileSync(TEST_SITE_FILE, 'utf8')) as TestSite
  try {
    const res = await fetch(`${site.url}/?rest_route=/`, { signal: AbortSignal.timeout(5_000) })
    if (!res.ok) return null
  } catch {
    return null
  }
  return site
}

/**
 * The site, or null after printing one line why the tests skip. Throws where the site is
 * required (CI), so a broken install can never pass as a skip.
 */
export async function requireTestSite(): Promise<TestSite | null> {
  const site = await testSite()
  if (site) return site
  if (TEST_SITE_REQUIRED) {
    throw new Error(`INCIDENT_TRAY_WP_REQUIRED=1 but ${SKIP_LINE.split(': ')[1]}`)
  }
  console.log(SKIP_LINE)
  return null
}

/** The users scripts/wordpress-test-site.sh adds for the tests that read the P2 back. */
export interface FollowUsers {
  /** A second editor: the lead's own app. */
  lead: { user: string; password: string }
  /** An author: may comment, may not edit someone else's post. */
  author: { user: string; password: string }
  /** The administrator, whose HTML WordPress does not filter. */
  admin: { user: string; password: string }
}

export const FOLLOW_USERS_FILE = TEST_SITE_FILE.replace(/\.json$/, '-follow.json')

/** The follow tests' users, or null (the script's `follow-users` step has not run). */
export function followUsers(): FollowUsers | null {
  if (!existsSync(FOLLOW_USERS_FILE)) return null
  return JSON.parse(readFileSync(FOLLOW_USERS_FILE, 'utf8')) as FollowUsers
}
