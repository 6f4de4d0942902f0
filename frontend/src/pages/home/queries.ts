import { graphql } from '../../graphql';

/** 街道概况: the street's figures, for those who see the organisation tree. */
export const HomeFiguresQuery = graphql(`
  query HomeFigures {
    communities: organisations(filter: { kind: COMMUNITY_COMMITTEE }, first: 0) {
      totalCount
    }
    units: residentUnits(first: 0) {
      totalCount
    }
    members: committeeMembers(first: 0) {
      totalCount
    }
    submitted: needs(filter: { status: SUBMITTED }, first: 0) {
      totalCount
    }
  }
`);

/** 待派单: needs accepted and waiting for a unit, and the count of those waiting to be accepted. */
export const HomeNeedsQuery = graphql(`
  query HomeNeeds {
    submitted: needs(filter: { status: SUBMITTED }, first: 0) {
      totalCount
    }
    accepted: needs(filter: { status: ACCEPTED }, first: 5) {
      totalCount
      nodes {
        id
        title
        raisedAt
        urgencyLabel
      }
    }
  }
`);

export const HomeMeetingFragment = graphql(`
  fragment HomeMeeting on JointMeeting {
    id
    title
    startsAt
    venue
    status
    statusLabel
  }
`);

/** The next meeting: one in session, else the soonest published, else the soonest draft. */
export const HomeMeetingsQuery = graphql(`
  query HomeMeetings {
    inSession: jointMeetings(
      filter: { status: IN_SESSION }
      orderBy: { field: STARTS_AT, direction: ASC }
      first: 1
    ) {
      nodes {
        ...HomeMeeting
      }
    }
    published: jointMeetings(
      filter: { status: PUBLISHED }
      orderBy: { field: STARTS_AT, direction: ASC }
      first: 1
    ) {
      nodes {
        ...HomeMeeting
      }
    }
    drafts: jointMeetings(
      filter: { status: DRAFT }
      orderBy: { field: STARTS_AT, direction: ASC }
      first: 1
    ) {
      nodes {
        ...HomeMeeting
      }
    }
  }
`);

/** 逾期督办事项: open action items past their due date (a unit's own for its liaison). */
export const HomeOverdueQuery = graphql(`
  query HomeOverdue($unit: ID) {
    actionItems(filter: { overdue: true, ownerUnit: $unit }, first: 5) {
      totalCount
      nodes {
        id
        title
        dueOn
        ownerUnit {
          name
        }
      }
    }
  }
`);

/** 今日活动: open volunteer activities (the page keeps those of today). */
export const HomeActivitiesQuery = graphql(`
  query HomeActivities {
    volunteerActivities(filter: { status: OPEN }, first: 50) {
      nodes {
        id
        title
        startsAt
        endsAt
        place
        placesLeft
      }
    }
  }
`);

/** 待答复的派单: dispatches to the liaison's unit it has not answered. */
export const HomeDispatchesQuery = graphql(`
  query HomeDispatches {
    needDispatches(filter: { status: PENDING }, first: 5) {
      totalCount
      nodes {
        id
        need {
          title
        }
      }
    }
  }
`);
