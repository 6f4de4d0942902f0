import type { CodegenConfig } from '@graphql-codegen/cli';

// The backend exports the schema to ../schema.graphql (`strawberry export-schema`): it is the
// source of truth. Documents live in each page's queries.ts; the output in src/graphql/ is committed.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/graphql/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
