import { graphql } from '../../graphql';

export const SessionCreateMutation = graphql(`
  mutation SessionCreate($input: SessionCreateInput!) {
    sessionCreate(input: $input) {
      me {
        ...CurrentUser
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
