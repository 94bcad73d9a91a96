import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// One import boundary: `from` may import only the listed element types (DESIGN.md, STYLE.md).
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

// tsconfig.json refers to both projects, the console's (src/) and the deck server's (server/, tests, configs).
const tsProjects = './tsconfig.json';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'jsx-a11y': jsxA11y },
    extends: [reactHooks.configs.flat.recommended, ...pluginQuery.configs['flat/recommended']],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Imports flow one way between the parts of the console and into the deck server, and never in a circle.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/include': ['src/**/*', 'server/**/*'],
      'import/resolver': { typescript: { project: tsProjects } },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: tsProjects })],
      // import-x reads only .js files unless told otherwise: no-cycle would see no TypeScript import at all.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'ui', pattern: 'src/components' },
        { type: 'api', pattern: 'src/api' },
        { type: 'lib', pattern: 'src/lib' },
        { type: 'sim', pattern: 'src/mocks/sim' },
        { type: 'mocks', pattern: 'src/mocks' },
        { type: 'test', pattern: 'src/test' },
        { type: 'server', pattern: 'server' },
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('lib', ['lib']),
            allow('api', ['api', 'lib']),
            allow('ui', ['ui', 'lib']),
            allow('feature', ['lib', 'ui', 'api', 'test']),
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.captured.feature }}' } } } },
            },
            allow('app', ['app', 'feature', 'ui', 'api', 'lib', 'test']),
            allow('sim', ['sim', 'lib']),
            allow('mocks', ['mocks', 'sim', 'lib']),
            allow('test', ['test', 'mocks', 'sim', 'app', 'api', 'lib', 'ui', 'feature']),
            // The deck server hosts the simulator and shares pure code, never the console's api, features, components or app.
            allow('server', ['server', 'lib', 'mocks', 'sim']),
          ],
        },
      ],
    },
  },
  {
    // One query layer (DESIGN.md "Data flow inside the SPA"): every query key is declared in src/api/queries/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/queries/**', 'src/mocks/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='queryKey'][value.type='ArrayExpression']",
          message:
            'Query keys are declared once, in src/api/queries/: use (and spread) a factory from there, with `select` for another shape.',
        },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'tests/**/*.ts',
      'bench/**/*.{ts,mjs,js}',
      'scripts/**/*.mjs',
      '*.config.{ts,js}',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
