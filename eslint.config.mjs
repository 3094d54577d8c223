// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Written by tools, not by hand: graphql-codegen's types of the console's operations, builds.
    ignores: ['**/node_modules/', 'dist/', '.builds/', 'coverage/', 'test-results/', 'web/src/gql/', 'bench/.build/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program per tsconfig: the API's (with its tests, scripts and benchmarks) and the console's.
        project: ['./tsconfig.scripts.json', './web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `async` marks methods that fulfil a Promise-returning contract (Apollo plugin hooks, the job queue,
      // test doubles) even when they await nothing, so that what they throw reaches the caller as a rejection.
      '@typescript-eslint/require-await': 'off',
      // `_name` keeps a parameter a decorator declares (`@Args() _args`); a rest sibling leaves fields out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Driver internals and dialect checks have one home, database/driver-adapter.ts: a TypeORM upgrade
    // that moves them then breaks one file. Tests may still pick SQL placeholders by dialect.
    files: ['src/**/*.ts'],
    ignores: ['src/database/driver-adapter.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(databaseConnection|master)$/]',
          message: 'Reach the driver through src/database/driver-adapter.ts.',
        },
        {
          selector: "MemberExpression[object.property.name='options'][property.name='type']",
          message: 'Ask dialectOf() in src/database/driver-adapter.ts which database this is.',
        },
      ],
    },
  },
  {
    // Tests read untyped values field by field: supertest's response bodies, rows of raw SQL, values
    // from the browser page; and jest's asymmetric matchers (expect.any, expect.stringMatching) are typed any.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  prettier,
);
