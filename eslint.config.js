import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronOnlyInMain = {
  paths: [
    {
      name: 'electron',
      message: 'Only electron/main and the preload entry may import electron; use a port instead.',
      allowTypeImports: true,
    },
  ],
}

/** What sits above the store and the shared contract: the app's process, its pages, test helpers. */
const UPPER_LAYERS = ['**/main/**', '**/preload/**', '**/renderer/**', '**/testing/**']

/** The domain's formatting helpers electron/shared may pass on (input cleaning, labels, sizes). */
const SHARED_FORMATTING = [
  'cleanLine',
  'notTooEarly',
  'allowedLevels',
  'severityLabel',
  'severityLevel',
  'measureLabel',
  'knownTimeZones',
  'displayAccelerator',
  'byteLength',
  'formatBytes',
  'tooLongMessage',
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInMain],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The renderer shows what the host computed: it imports the IPC contract and its types
    // (electron/shared, with the preload's Api type), never the domain, services, store or main.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInMain,
          patterns: [
            {
              group: ['**/electron/domain/**', '**/services/**', '**/store/**', '**/main/**'],
              message:
                'The renderer imports only electron/shared: types from shared/types.ts, labels and formatting from shared/format.ts, computed views over IPC (rules run on the host).',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: it imports only itself, zod and the time module (tests may use the test
    // helpers).
    files: ['electron/domain/**/*.ts'],
    ignores: ['electron/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInMain,
          patterns: [
            {
              group: ['node:*', '**/services/**', '**/store/**', '**/main/**', '**/preload/**'],
              message: 'The domain is pure: no file system, services, store or Electron here.',
            },
            {
              // shared/time.ts is pure and imports nothing: every time shown is written by it.
              group: ['**/shared/**', '!**/shared/time', '**/testing/**', '**/renderer/**'],
              message:
                'The domain imports only the domain and shared/time; shared contracts import it, not back.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store persists what the domain defines: it imports the domain, the shared contract and
    // Node, never the services that drive it, Electron, or the test helpers (electron/testing).
    files: ['electron/store/**/*.ts'],
    ignores: ['electron/store/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInMain,
          patterns: [
            {
              group: ['**/services/**', ...UPPER_LAYERS, '**/scripts/**'],
              message:
                'electron/store imports only the domain, electron/shared and Node; the services call the store, not back.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared contract is what both processes agree on: channel names, schemas, types, labels
    // and formatting. No services, store or test helpers; and of the domain, only types, schemas
    // and constants (PascalCase, UPPER_CASE) plus the formatting helpers named here: a rule the
    // renderer would run (a camelCase function) fails the lint, so it is computed on the host.
    files: ['electron/shared/**/*.ts'],
    ignores: ['electron/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInMain,
          patterns: [
            {
              group: ['**/services/**', '**/store/**', ...UPPER_LAYERS],
              message: 'electron/shared is the contract: no services, store, main or test helpers.',
            },
            {
              group: ['**/domain/**'],
              allowTypeImports: true,
              allowImportNamePattern: `^(?:[A-Z].*|${SHARED_FORMATTING.join('|')})$`,
              message:
                'electron/shared takes types, schemas, labels and formatting from the domain, no rules: compute it on the host and send the result in a view model or over IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services orchestrate; the file system is reached only through the store.
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInMain,
          paths: [
            ...electronOnlyInMain.paths,
            ...['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].map((name) => ({
              name,
              message:
                'Services reach the file system only through electron/store; add a store function.',
            })),
          ],
        },
      ],
    },
  },
  {
    // The composition root and the preload entry are the only code that touches Electron.
    files: ['electron/main/**/*.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Raw ipcMain/ipcRenderer only in the two IPC helper files.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Register IPC through electron/main/ipc.ts so every call is validated.',
            },
          ],
        },
      ],
    },
  },
  {
    // Renderer source files stay small (tests excepted).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Host source files stay small too: 250 lines, functions 80 (tests and their helpers excepted).
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts', 'electron/testing/**'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
)
