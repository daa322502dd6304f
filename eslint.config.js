// Lint: typescript-eslint's type-aware rules over the TypeScript (src, test), plain rules over the bench scripts.
// Formatting is Prettier's alone (eslint-config-prettier turns the stylistic rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'corpus/',
      'db/',
      'bench/results/',
      'bench/.work/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  {
    rules: {
      // Text from files and terminals is cleaned of control characters on purpose (normalize-text, printable,
      // fts-query); a control character in a pattern is never an accident here.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // With noUncheckedIndexedAccess every regex group and indexed element may be undefined to the compiler;
      // a `!` where the pattern or a length check guarantees it is the plain way to say so.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers and booleans print unambiguously in a message; objects, undefined and null are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `const { dropped: _dropped, ...kept } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The web page's own scripts run in the browser.
    files: ['src/web/assets/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
