import { graphql } from '../../graphql';

export const PasswordChangeMutation = graphql(`
  mutation PasswordChange($input: PasswordChangeInput!) {
    passwordChange(input: $input) {
      errors {
        field
        code
        message
      }
    }
  }
`);
