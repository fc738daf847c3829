// Lint for the whole project (flat config): typescript-eslint's strict rules everywhere, Lit, web-component and
// accessibility rules for the widget's templates. `npm test` runs it, so CI does too.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'wordpress/**/*.asset.php'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['server/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.mjs', '*.mjs', '*.js', '*.ts', 'contract/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['widget/**/*.ts', 'wordpress/**/*.js', 'embed-demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['widget/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // Tests run in Node and, through page.evaluate, in the browser.
    files: ['tests/**/*.ts', 'tests/**/*.js', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // A test that meets null where it asserted a value fails at that line anyway, which is what it should do.
    // Breaking a request body field by field is what the input tests do.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-dynamic-delete': 'off' },
  },
);
