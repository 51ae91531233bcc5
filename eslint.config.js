import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint (part of npm test): typescript-eslint's recommended rules, with type information for the
 * ones that need it — no `any`, no floating promises, no unused code.
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.circulate/', 'test/e2e/screenshots/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A variable assigned once, after the closures that read it are made (infra/local/stack.ts).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', globalThis: 'readonly' } },
  },
);
