import { defineConfig } from 'vitest/config'

// Fixed so tests that format local times read the same on every machine.
process.env.TZ = 'UTC'

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
