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
    // Issue 20: renderer source files stay small (tests excepted).
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
