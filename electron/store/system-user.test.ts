import { describe, expect, it } from 'vitest'
import { fullNameFromPasswd, systemUserName } from './system-user'

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'dana:x:1000:1000:Dana Okafor,Room 4,+1 555 0100,:/home/dana:/bin/zsh',
  'sam:x:1001:1001::/home/sam:/bin/bash',
  'olga:x:1002:1002:& Petrova:/home/olga:/bin/bash',
].join('\n')

describe('the name the system gives the user', () => {
  it('is the full name of the passwd entry, without the other GECOS fields', () => {
    expect(fullNameFromPasswd(PASSWD, 'dana')).toBe('Dana Okafor')
    expect(fullNameFromPasswd(PASSWD, 'olga')).toBe('Olga Petrova')
    expect(fullNameFromPasswd(PASSWD, 'sam')).toBe('')
    expect(fullNameFromPasswd(PASSWD, 'nobody')).toBe('')
  })

  it('falls back to the login when there is no full name or no passwd file', () => {
    expect(
      systemUserName(
        () => PASSWD,
        () => 'dana',
      ),
    ).toBe('Dana Okafor')
    expect(
      systemUserName(
        () => PASSWD,
        () => 'sam',
      ),
    ).toBe('sam')
    const noFile = () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    }
    expect(systemUserName(noFile, () => 'dana')).toBe('dana')
    const noUser = () => {
      throw new Error('uv_os_get_passwd returned ENOENT')
    }
    expect(systemUserName(() => PASSWD, noUser)).toBe('')
  })
})
