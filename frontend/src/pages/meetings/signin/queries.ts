import { graphql } from '../../../graphql';

export const SignInMeetingQuery = graphql(`
  query SignInMeeting($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on JointMeeting {
        title
        startsAt
        endsAt
        venue
        statusLabel
      }
    }
  }
`);

export const AttendanceSignInMutation = graphql(`
  mutation AttendanceSignIn($input: AttendanceSignInInput!) {
    attendanceSignIn(input: $input) {
      meeting {
        id
        title
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
