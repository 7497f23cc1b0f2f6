import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

const UI = ['**/stores/**', '**/islands/**', '**/pages/**', '**/components/**', '**/layouts/**'];
const FRAMEWORKS = ['astro', 'astro:*', 'astro/*', 'preact', 'preact/*', 'nanostores', '@nanostores/*'];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-eval': 'error',
    },
  },
  // One pure core, thin shells: imports flow domain → stores → islands → pages.
  layer(
    ['src/domain/**'],
    [...UI, '**/cli/**', ...FRAMEWORKS, 'node:*'],
    'src/domain is pure TypeScript: no DOM, Node, Astro, Preact or stores.',
  ),
  layer(
    ['src/stores/**'],
    ['**/islands/**', '**/pages/**', '**/components/**', '**/layouts/**', '**/cli/**'],
    'stores sit below islands and pages.',
  ),
  layer(
    ['src/islands/**'],
    ['**/pages/**', '**/components/**', '**/layouts/**', '**/cli/**'],
    'islands sit below pages.',
  ),
  layer(['src/cli/**'], [...UI, ...FRAMEWORKS], 'the CLI calls the domain, never the web layer.'),
);
