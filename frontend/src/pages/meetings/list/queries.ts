import { graphql } from '../../../graphql';

export const JointMeetingListQuery = graphql(`
  query JointMeetingList($first: Int, $after: String, $filter: JointMeetingFilter) {
    jointMeetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MeetingListRow
        }
      }
    }
  }
`);

export const MeetingListRowFragment = graphql(`
  fragment MeetingListRow on JointMeeting {
    id
    title
    kind
    kindLabel
    startsAt
    endsAt
    venue
    status
    statusLabel
    organisation {
      id
      name
    }
  }
`);

/** Every meeting matching the filter, for the month calendar (the API has no date-range filter). */
export const JointMeetingCalendarQuery = graphql(`
  query JointMeetingCalendar($first: Int!, $after: String, $filter: JointMeetingFilter) {
    jointMeetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MeetingListRow
        }
      }
    }
  }
`);

export const JointMeetingCreateMutation = graphql(`
  mutation JointMeetingCreate($input: JointMeetingCreateInput!) {
    jointMeetingCreate(input: $input) {
      meeting {
        id
        title
      }
      warnings
      errors {
        field
        code
        message
      }
    }
  }
`);

/** People of the convening organisation, by name, to choose the chair (主持人) from. */
export const ChairCandidatesQuery = graphql(`
  query ChairCandidates($organisation: ID, $search: String) {
    people(filter: { organisation: $organisation, search: $search }, first: 20) {
      nodes {
        id
        name
      }
    }
  }
`);
