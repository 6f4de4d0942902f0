import { graphql } from '../../../graphql';

/** What the agenda builder shows of a meeting; every agenda mutation answers with it. */
export const MeetingDetailFragment = graphql(`
  fragment MeetingDetail on JointMeeting {
    viewerCanManage
    id
    version
    title
    kind
    kindLabel
    status
    statusLabel
    startsAt
    endsAt
    venue
    allottedMinutes
    lengthMinutes
    minutesText
    organisation {
      id
      name
    }
    chair {
      id
      name
    }
    agendaItems {
      id
      position
      title
      description
      source
      sourceLabel
      minutesAllotted
      presenter {
        id
        name
      }
    }
    attendances {
      status
      statusLabel
      proxyName
      person {
        id
        name
      }
      unit {
        id
        name
      }
    }
    agendaVersions {
      number
      publishedAt
      changes
      items
    }
  }
`);

export const JointMeetingDetailQuery = graphql(`
  query JointMeetingDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on JointMeeting {
        ...MeetingDetail
      }
    }
  }
`);

export const AgendaCandidatesQuery = graphql(`
  query AgendaCandidates($community: ID!, $before: DateTime) {
    agendaCandidates(community: $community, before: $before) {
      candidateKey
      source
      sourceLabel
      sourceId
      title
      reason
      since
    }
  }
`);

export const AgendaItemCreateMutation = graphql(`
  mutation AgendaItemCreate($input: AgendaItemCreateInput!) {
    agendaItemCreate(input: $input) {
      meeting {
        ...MeetingDetail
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

export const AgendaReorderMutation = graphql(`
  mutation AgendaReorder($input: AgendaReorderInput!) {
    agendaReorder(input: $input) {
      meeting {
        ...MeetingDetail
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

export const AgendaItemDeleteMutation = graphql(`
  mutation AgendaItemDelete($input: AgendaItemDeleteInput!) {
    agendaItemDelete(input: $input) {
      meeting {
        ...MeetingDetail
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

export const JointMeetingPublishMutation = graphql(`
  mutation JointMeetingPublish($input: JointMeetingPublishInput!) {
    jointMeetingPublish(input: $input) {
      meeting {
        ...MeetingDetail
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

export const JointMeetingMinutesUpdateMutation = graphql(`
  mutation JointMeetingMinutesUpdate($input: JointMeetingMinutesUpdateInput!) {
    jointMeetingMinutesUpdate(input: $input) {
      meeting {
        ...MeetingDetail
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

export const JointMeetingMinutesPublishMutation = graphql(`
  mutation JointMeetingMinutesPublish($input: JointMeetingTransitionInput!) {
    jointMeetingMinutesPublish(input: $input) {
      meeting {
        ...MeetingDetail
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

/** What a closed meeting decided: each agenda item's decision, with votes, and the action
 * items it assigned. */
export const MeetingOutcomesQuery = graphql(`
  query MeetingOutcomes($id: ID!) {
    node(id: $id) {
      __typename
      ... on JointMeeting {
        id
        agendaItems {
          id
          position
          title
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
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** The draft of the minutes the API builds from the record, for an empty minutes box. */
export const MinutesDraftQuery = graphql(`
  query MinutesDraft($id: ID!) {
    node(id: $id) {
      __typename
      ... on JointMeeting {
        id
        minutesDraft
      }
    }
  }
`);

export const AgendaItemUpdateMutation = graphql(`
  mutation AgendaItemUpdate($input: AgendaItemUpdateInput!) {
    agendaItemUpdate(input: $input) {
      meeting {
        ...MeetingDetail
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

export const JointMeetingUpdateMutation = graphql(`
  mutation JointMeetingUpdate($input: JointMeetingUpdateInput!) {
    jointMeetingUpdate(input: $input) {
      meeting {
        ...MeetingDetail
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
