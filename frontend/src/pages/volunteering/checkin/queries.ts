import { graphql } from '../../../graphql';

export const CheckInActivityQuery = graphql(`
  query CheckInActivity($code: String!) {
    volunteerActivityByCode(code: $code) {
      title
      place
      startsAt
      endsAt
    }
  }
`);

export const SelfCheckInMutation = graphql(`
  mutation SelfCheckIn($input: ActivityCheckInput!) {
    activityCheckIn(input: $input) {
      signup {
        checkedInAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SelfCheckOutMutation = graphql(`
  mutation SelfCheckOut($input: ActivityCheckInput!) {
    activityCheckOut(input: $input) {
      serviceRecord {
        hours
        points
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
