import type { CodegenConfig } from '@graphql-codegen/cli';

// The backend exports the schema to ../schema.graphql (`strawberry export-schema`): it is the
// source of truth. Documents live in each page's queries.ts; the output in src/graphql/ is committed.
// CODEGEN_OUT writes it elsewhere: `npm run check:generated` compares a fresh run with the commit.
const output = process.env.CODEGEN_OUT ?? './src/graphql/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    [output]: {
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
