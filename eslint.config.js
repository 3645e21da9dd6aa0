// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Layers that both the analytics core and the engines sit below.
const DRAWING_AND_SERVING = [
  '**/charts/**',
  '**/components/**',
  '**/pages/**',
  '**/layouts/**',
  '**/cli/**',
  '**/report/**',
  '**/integrations/**',
];

// What nothing in src/analytics may import (analyses/ adds its own rules to these).
const ANALYTICS_IMPORT_PATTERNS = [
  { group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'], message: 'src/analytics must not depend on Astro.' },
  {
    group: ['@observablehq/plot', 'd3-*', 'linkedom'],
    message: 'src/analytics must not draw: charts belong in src/charts.',
  },
  {
    group: [...DRAWING_AND_SERVING, '**/figures/**', '**/build/**', '**/engines/**'],
    message: 'src/analytics must not import from a layer above it.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', '.cache/', 'node_modules/', 'test/output/', 'public/pagefind/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No import cycles anywhere in src/: the layers only work if dependencies point one way.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.mjs', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    // The analytics core is pure: no Astro, no Plot, no DOM, nothing from a layer above it.
    files: ['src/analytics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ANALYTICS_IMPORT_PATTERNS }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator'],
    },
  },
  {
    // Analyses take a table and a spec: they never read files (that is load/'s job).
    files: ['src/analytics/analyses/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/load/**', '**/load'], message: 'src/analytics/analyses must not import src/analytics/load.' },
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'node:child_process'],
              message: 'analyses are pure: no file access.',
            },
            // A rule set here replaces the one for src/analytics, so its patterns are repeated.
            ...ANALYTICS_IMPORT_PATTERNS,
          ],
        },
      ],
    },
  },
  {
    // Figure factories sit between charts and components: pure, unit-tested without Astro.
    files: ['src/figures/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '**/pages/**', '**/layouts/**', 'astro', 'astro:*', 'astro/*'],
              message: 'src/figures must not import from a layer above it (it may import charts and analytics).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/figures/**', '**/components/**', '**/pages/**', '**/layouts/**', 'astro:*'],
              message: 'src/charts must not import from a layer above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Engines compile analyses to SQL and run them: they may use src/analytics, never what draws or serves.
    files: ['src/engines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...DRAWING_AND_SERVING, 'astro', 'astro:*', '@observablehq/plot'],
              message: 'src/engines may import src/analytics only, not a layer above it.',
            },
          ],
        },
      ],
    },
  },
);
