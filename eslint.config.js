import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only lib/db opens Dexie; content scripts talk to the background.' }],
        },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx', 'lib/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['lib/db/**', 'lib/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // lib/library is pure logic that runs in a Web Worker and in tests: no database, UI, browser API or messaging.
    files: ['lib/library/**'],
    ignores: ['lib/library/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*', 'react', 'react-*', 'wxt', 'wxt/*', '#imports', '**/db/*', '**/messaging/*', '**/components/*', '**/entrypoints/*'],
              message: 'lib/library stays pure (it runs in a Web Worker): import only pure lib/ modules and npm libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // Content-script code runs in the page's origin: its IndexedDB is the page's, not ours.
    files: ['entrypoints/content/**', 'lib/sites/**'],
    ignores: ['lib/sites/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only lib/db opens Dexie; content scripts talk to the background.' }],
          patterns: [
            {
              group: ['**/db/*', '@/lib/db/*'],
              allowTypeImports: true,
              message: 'Content scripts never open the database: ask the background through lib/messaging.',
            },
          ],
        },
      ],
    },
  },
);
