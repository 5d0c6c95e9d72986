import { describe, expect, it } from 'vitest'
import { findSecrets, maskSecrets, splitSecrets, type SecretKind } from './redaction'

// Realistic shapes, made up for the test: none of these is a live credential.
const GHP = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'
const GHO = 'gho_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'
const PAT = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV'
const SLACK_BOT = 'xoxb-2048-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'
const SLACK_USER = 'xoxp-2048-1234567890123-1234567890123-0a1b2c3d4e5f60718293a4b5c6d7e8f9'
const AWS_ID = 'AKIAIOSFODNN7EXAMPLE'
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

const kinds = (text: string): SecretKind[] => findSecrets(text).map((m) => m.kind)
const secrets = (text: string) => findSecrets(text).map((m) => text.slice(m.start, m.end))

describe('secret redaction: true positives', () => {
  it.each([
    [
      `git remote set-url origin https://${GHP}@github.com/WordPress/openverse`,
      GHP,
      'github-token',
    ],
    [`GH_TOKEN=${GHO} gh pr list`, GHO, 'github-token'],
    [`export GITHUB_TOKEN="${PAT}"`, PAT, 'github-token'],
    [`SLACK_BOT_TOKEN: ${SLACK_BOT}`, SLACK_BOT, 'slack-token'],
    [`curl -H "Authorization: ${SLACK_USER}"`, SLACK_USER, 'slack-token'],
    [`aws_access_key_id = ${AWS_ID}`, AWS_ID, 'aws-access-key'],
    [`aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET, 'aws-secret-key'],
    [`"SecretAccessKey": "${AWS_SECRET}",`, AWS_SECRET, 'aws-secret-key'],
    [
      `curl -H 'Authorization: Bearer abcDEF123456ghiJKL789' https://api.openverse.org/v1/`,
      'abcDEF123456ghiJKL789',
      'bearer-token',
    ],
    [
      `DATABASE_URL=postgres://deploy:s3cr3t-Passw0rd@db.internal:5432/openledger`,
      's3cr3t-Passw0rd',
      'url-password',
    ],
    [`token: ${JWT}`, JWT, 'jwt'],
    ['api_key=9f8e7d6c5b4a39281706', '9f8e7d6c5b4a39281706', 'assignment'],
    ['"password": "correct-horse-battery"', 'correct-horse-battery', 'assignment'],
  ] as const)('%s', (text, secret, kind) => {
    expect(secrets(text)).toEqual([secret])
    expect(kinds(text)).toEqual([kind])
    expect(maskSecrets(text)).not.toContain(secret)
    expect(maskSecrets(text)).toContain(`[redacted ${kind}]`)
  })

  it('masks a whole private key block', () => {
    const key = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
      'QyNTUxOQAAACBhbm90aGVyIGZha2Uga2V5IGZvciB0ZXN0cyBvbmx5IQAAAJgAAAAA',
      '-----END OPENSSH PRIVATE KEY-----',
    ].join('\n')
    const text = `found in /root/.ssh/id_ed25519:\n${key}\nthat's it`
    expect(maskSecrets(text)).toBe(
      "found in /root/.ssh/id_ed25519:\n[redacted private-key]\nthat's it",
    )
  })

  it('finds several secrets in one log and keeps the text between them', () => {
    const log = `14:02 deploy ${AWS_ID} ok\n14:03 retry with Bearer abcDEF123456ghiJKL789\n`
    expect(maskSecrets(log)).toBe(
      '14:02 deploy [redacted aws-access-key] ok\n14:03 retry with Bearer [redacted bearer-token]\n',
    )
    expect(
      splitSecrets(log)
        .filter((p) => p.secret)
        .map((p) => p.text),
    ).toEqual([AWS_ID, 'abcDEF123456ghiJKL789'])
    expect(
      splitSecrets(log)
        .map((p) => p.text)
        .join(''),
    ).toBe(log)
  })
})

describe('secret redaction: harmless look-alikes stay as they are', () => {
  it.each([
    'Deployed commit 3f9a2c1e8b7d6f5a4c3b2a1908f7e6d5c4b3a291 to production',
    'request id 550e8400-e29b-41d4-a716-446655440000 failed with 502',
    'Users land on the password reset page after login',
    'See https://grafana.openverse.org/d/api-latency?orgId=1&from=now-6h',
    'https://github.com/WordPress/openverse/issues/4321',
    'token bucket refilled; rate limit 100/min',
    'ghp_short is not a token',
    'Bearer token missing in request (401)',
    'AKIA followed by lowercase akiaiosfodnn7example',
    'Elasticsearch index image-20261123 is green',
  ])('%s', (text) => {
    expect(findSecrets(text)).toEqual([])
    expect(maskSecrets(text)).toBe(text)
  })
})
