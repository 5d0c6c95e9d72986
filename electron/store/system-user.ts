import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'

/**
 * The full name in the user's passwd entry: the first part of its GECOS field ("Dana Smith,
 * Room 4,,"), where BSD's "&" stands for the login capitalised; '' when the entry has none.
 */
export function fullNameFromPasswd(passwd: string, login: string): string {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':')
    if (fields[0] !== login || fields.length < 7) continue
    const name = (fields[4] ?? '').split(',')[0]!.trim()
    const capitalised = login.charAt(0).toUpperCase() + login.slice(1)
    return name.replaceAll('&', capitalised)
  }
  return ''
}

/**
 * How the system names the user, for "Recorded by" until settings have a name: the full name
 * where the passwd file has one (Linux, most Unix), else the login; '' where the OS will not say.
 */
export function systemUserName(
  readPasswd: () => string = () => readFileSync('/etc/passwd', 'utf8'),
  login: () => string = () => userInfo().username,
): string {
  let user: string
  try {
    user = login()
  } catch {
    return ''
  }
  try {
    return fullNameFromPasswd(readPasswd(), user) || user
  } catch {
    // No passwd file (Windows) or not readable: the login is what there is.
    return user
  }
}
