import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Every operation of the console is typed from the committed schema.gql: a schema change that
 * breaks the console fails the type check that `npm test` and `npm run build` run.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
    // The schema's enums on their own: the console's label maps name every value, so a value added
    // to the API and missing in the console is a type error.
    'web/src/gql/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
  },
};

export default config;
