import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'src/graphql', 'node_modules'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // No field cuts or clamps what is typed, and every limit is the server's (src/utils/limits.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='maxLength']",
          message: 'maxLength cuts pasted text silently: use count={counter(LIMIT)} and lengthRule(LIMIT).',
        },
        {
          selector:
            "JSXOpeningElement[name.name='InputNumber'] > JSXAttribute[name.name=/^(min|max|precision)$/]",
          message: 'InputNumber min/max/precision clamp or round silently: use rangeRule(LIMIT).',
        },
        {
          selector: "Property[key.name='max'][value.type='Literal']",
          message: "A limit is the server's: use INPUT_LIMITS (src/utils/limits.ts), not a figure.",
        },
        {
          selector:
            "JSXOpeningElement[name.object.name='Input'][name.property.name='TextArea']:not(:has(JSXAttribute[name.name='count']))",
          message: 'A text area shows its limit: count={counter(LIMIT)}.',
        },
      ],
    },
  },
);
