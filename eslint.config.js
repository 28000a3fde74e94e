import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const MODULE_API = 'Import another module through its index.ts (or tables.ts), never its internals.';

/** The web app's operations are their text, parsed by urql on first use (web/src/shared/graphql/document.ts). */
const URQL_GQL = {
  name: 'urql',
  importNames: ['gql'],
  message: "Declare an operation with gql from shared/graphql/document: urql's parses it when its module loads.",
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-ssr/**', '**/node_modules/**', 'data/**', 'migrations/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read GraphQL responses loosely typed; production code keeps `any` out.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The shared workspace is pure: no server or browser libraries.
    files: ['shared/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fastify*', '@fastify/*', 'drizzle-orm*', 'pg', 'react*', 'mercurius', 'node:*'] },
      ],
    },
  },
  {
    files: ['server/src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration in server/src/config.ts only.',
        },
      ],
    },
  },
  {
    files: ['server/src/config.ts', 'server/src/test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [URQL_GQL] }],
    },
  },
  {
    // Imports flow one way: app → features → shared.
    files: ['web/src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [URQL_GQL], patterns: ['**/features/**', '**/app/**'] }] },
  },
  {
    files: ['web/src/features/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [URQL_GQL], patterns: ['**/app/**'] }] },
  },
  {
    // No import cycles, on the server and in the web app (type-only imports aside: they vanish).
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['server/tsconfig.json', 'web/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  // A server module is reached only through its public API (index.ts), and its tables.ts for
  // foreign keys and typed reads; see README "Architecture". Three patterns for three depths.
  {
    files: ['server/src/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./[A-Za-z]+/(?!(index|tables)\\.js$)', message: MODULE_API }] },
      ],
    },
  },
  {
    files: ['server/src/modules/*/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./[A-Za-z]+/(?!(index|tables)\\.js$)', message: MODULE_API }] },
      ],
    },
  },
  {
    files: ['server/src/*.ts', 'server/src/!(modules)/**/*.ts', 'bench/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)modules/[A-Za-z]+/(?!(index|tables)\\.js$)', message: MODULE_API }] },
      ],
    },
  },
);
