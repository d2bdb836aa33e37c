import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webFeatures = fs.readdirSync(new URL('./apps/web/src/features/', import.meta.url));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.accord/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The domain package is pure: no I/O, no server, no React.
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'pg', 'fastify', 'react', 'react-dom', '@accord/server*', '@accord/web*'] },
      ],
    },
  },
  {
    // One way to change state: services get a write transaction only through change/change.ts.
    files: ['apps/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/pool.js'],
              importNames: ['withTransaction'],
              message:
                'Change state through withChange (apps/server/src/change/change.ts): it authorizes, checks versions and records history.',
            },
            {
              group: ['**/history/history.repository.js'],
              importNames: ['insertEvent'],
              message: 'History is written by change.record(), in the transaction of the change.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='connect']",
          message: 'Services do not take connections of their own: use withChange.',
        },
        { selector: 'Literal[value=/^\\s*(BEGIN|COMMIT|START TRANSACTION)/i]', message: 'Transactions are opened by withChange only.' },
      ],
    },
  },
  // Web features do not import each other: what two features share lives in components/ or lib/.
  ...webFeatures.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/*', '../../app/**'], message: 'Features and shared code must not import the app shell.' },
            ...webFeatures
              .filter((other) => other !== feature)
              .map((other) => ({
                group: [`**/features/${other}/**`, `../../${other}/**`],
                message: `Feature ${feature} must not import feature ${other}.`,
              })),
          ],
        },
      ],
    },
  })),
  {
    // Shared code does not reach into features or the app shell: shared → features → app.
    files: ['apps/web/src/components/**/*.{ts,tsx}', 'apps/web/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/*', '../../app/**'], message: 'Shared code must not import the app shell.' },
            { group: ['**/features/**'], message: 'Shared code must not import a feature.' },
          ],
        },
      ],
    },
  },
);
