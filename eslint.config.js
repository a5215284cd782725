import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// The layering rules from DESIGN.md: core is pure; render and workers never reach into ui or state.
const uiOrState = ['**/ui/**', '**/state/**', '**/*.svelte', '**/*.svelte.ts'];
const coreForbidden = [
  ...uiOrState,
  '**/render/**',
  '**/workers/**',
  'svelte',
  'svelte/*',
  'sigma',
  'sigma/*',
  '@sigma/*',
];

export default ts.config(
  { ignores: ['dist', 'node_modules', 'tests/e2e/artifacts', 'public'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: coreForbidden,
              message: 'src/core is pure: no DOM, svelte, sigma, workers or state.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'postMessage',
        'Worker',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/render/**/*.ts', 'src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiOrState, message: 'render/ and workers/ never import ui/ or state/.' },
          ],
        },
      ],
    },
  },
);
