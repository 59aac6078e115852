// Lint rules that enforce the layers (VS Code's code-layering idea): probes/ is pure Node,
// only main/electron/ touches Electron, and the renderer reaches the system only through the
// typed bridge, importing nothing from probes/ or main/ but types from the contract files.
// TypeScript is linted with type information (typescript-eslint's type-checked rules), so a
// promise nobody awaits or a switch that misses a case fails CI.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only main/electron/ may import Electron; the rest must run on plain Node (the headless CLI).',
};
const rendererCode = {
  group: ['**/renderer/**', 'renderer/**'],
  message: 'The renderer is a separate program; talk to it through IPC.',
};
const mainCode = {
  regex: '(^|/)main/',
  message: 'probes/ knows nothing of main/: it collects facts and turns them into findings.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'renderer/dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Each file is checked with the tsconfig.json nearest to it (root, renderer/, tests/renderer/).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        // A `default:` that handles the rest on purpose is fine; a union switch without one must list
        // every member.
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unnecessary-condition': 'error',
      // Off: an `async` implementation of a promise-returning interface (a fake helpdesk, a test
      // context, a handler) turns a synchronous throw into a rejection, which is what callers handle.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Off in tests only: vitest's asymmetric matchers (expect.stringContaining, …) are typed `any`.
    files: ['tests/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['probes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electron, rendererCode, mainCode] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electron, rendererCode] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.mts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Node's types are loaded for the contract files the renderer imports types from; its globals
      // must still never be used here (the page runs sandboxed).
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Buffer',
          'require',
          '__dirname',
          '__filename',
          'global',
          'setImmediate',
          'module',
        ].map((name) => ({ name, message: 'The renderer runs sandboxed, without Node.' })),
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({
            name,
            message: 'The renderer runs sandboxed, without Node.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed, without Node.' },
            electron,
            {
              // Types from the contract files only; values never cross from probes/ or main/, except
              // pure word modules: the secret rules (the description step warns with the same rules
              // the scrubber applies), the message formatter, and the finding texts and check names
              // (the app shows findings in the reader's language, whatever language made them).
              regex:
                '(^|/)(probes|main)/(?!types$|findings/types$|ipc/contract$|bundle/secret-rules$|util/message-format$|findings/evaluate$|findings/render$|findings/messages$|names$|findings/check-names$)',
              message:
                'The renderer may import only types, and only from the contract files (probes/types, probes/findings/types, main/ipc/contract), and main/bundle/secret-rules.',
            },
            {
              regex: '(^|/)(probes/types|probes/findings/types|main/ipc/contract)$',
              allowTypeImports: true,
              message: 'The renderer may import only types (import type) from the contract files.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript (build scripts, the lab's servers) belongs to no tsconfig: no type information.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // CommonJS scripts load the built dist/ with require, which is what .cjs is for.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: Prettier owns layout, so lint rules about layout (e.g. no-unexpected-multiline, which
  // flags Prettier's own line breaks in member chains) are turned off.
  prettier,
);
