import { graphql } from '../../../../graphql';

export const ActivityDetailFragment = graphql(`
  fragment ActivityDetail on VolunteerActivity {
    id
    title
    description
    place
    startsAt
    endsAt
    slots
    placesLeft
    status
    statusLabel
    requiredSkills
    viewerCanManage
    checkinCode
    community {
      id
      name
    }
    team {
      name
    }
    project {
      id
      title
    }
    need {
      title
    }
    signups {
      id
      placeNumber
      checkedInAt
      checkedOutAt
      person {
        id
        name
      }
      serviceRecord {
        minutes
        hours
        points
      }
    }
  }
`);

export const ActivityDetailQuery = graphql(`
  query ActivityDetailPage($id: ID!) {
    node(id: $id) {
      ... on VolunteerActivity {
        ...ActivityDetail
      }
    }
  }
`);

export const VolunteerSearchQuery = graphql(`
  query VolunteerSearch($search: String!) {
    people(filter: { search: $search }, first: 20) {
      nodes {
        id
        name
      }
    }
  }
`);

export const ActivitySignUpMutation = graphql(`
  mutation ActivitySignUp($input: ActivitySignUpInput!) {
    activitySignUp(input: $input) {
      signup {
        id
        activity {
          ...ActivityDetail
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ActivityCheckInMutation = graphql(`
  mutation ActivityCheckIn($input: ActivityCheckInput!) {
    activityCheckIn(input: $input) {
      signup {
        id
        activity {
          ...ActivityDetail
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ActivityCheckOutMutation = graphql(`
  mutation ActivityCheckOut($input: ActivityCheckInput!) {
    activityCheckOut(input: $input) {
      signup {
        id
        activity {
          ...ActivityDetail
        }
      }
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
