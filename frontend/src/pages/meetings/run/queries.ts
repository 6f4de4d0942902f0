import { graphql } from '../../../graphql';

/** What the meeting run screen shows of a meeting; the run mutations answer with it. */
export const MeetingRunFragment = graphql(`
  fragment MeetingRun on JointMeeting {
    viewerCanManage
    id
    version
    title
    status
    statusLabel
    startsAt
    endsAt
    venue
    checkinCode
    organisation {
      id
      name
    }
    quorum {
      invited
      present
      required
      reached
    }
    attendances {
      status
      statusLabel
      proxyName
      signedInAt
      person {
        id
        name
      }
      unit {
        id
        name
      }
    }
    agendaItems {
      id
      position
      title
      description
      minutesAllotted
      discussionNotes
      decision {
        id
        outcome
        outcomeLabel
        text
        votesFor
        votesAgainst
        votesAbstain
        actionItems {
          id
          title
          dueOn
          status
          statusLabel
          ownerUnit {
            id
            name
          }
        }
      }
    }
  }
`);

export const MeetingRunQuery = graphql(`
  query MeetingRun($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on JointMeeting {
        ...MeetingRun
      }
    }
  }
`);

export const CommunityUnitsQuery = graphql(`
  query CommunityUnits($organisation: ID!) {
    residentUnits(filter: { organisation: $organisation }, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const JointMeetingStartMutation = graphql(`
  mutation JointMeetingStart($input: JointMeetingTransitionInput!) {
    jointMeetingStart(input: $input) {
      meeting {
        ...MeetingRun
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

export const JointMeetingCloseMutation = graphql(`
  mutation JointMeetingClose($input: JointMeetingTransitionInput!) {
    jointMeetingClose(input: $input) {
      meeting {
        ...MeetingRun
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

export const AttendanceRecordMutation = graphql(`
  mutation AttendanceRecord($input: AttendanceRecordInput!) {
    attendanceRecord(input: $input) {
      meeting {
        ...MeetingRun
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

export const DecisionRecordMutation = graphql(`
  mutation DecisionRecord($input: DecisionRecordInput!) {
    decisionRecord(input: $input) {
      decision {
        id
        outcome
        outcomeLabel
        text
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ActionItemCreateMutation = graphql(`
  mutation ActionItemCreate($input: ActionItemCreateInput!) {
    actionItemCreate(input: $input) {
      actionItem {
        id
        title
        dueOn
        status
        statusLabel
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
