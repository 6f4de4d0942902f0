import { graphql } from '../../../graphql';

/** What the action board and 我的督办事项 show of an action item. */
export const ActionItemCardFragment = graphql(`
  fragment ActionItemCard on ActionItem {
    id
    title
    status
    statusLabel
    dueOn
    isOverdue
    isDueSoon
    viewerCanReport
    viewerReportStatuses
    viewerCanVerify
    expectedResult
    ownerUnit {
      id
      name
    }
    ownerPerson {
      id
      name
    }
    meeting {
      id
      title
    }
    progress {
      statusBefore
      statusAfter
      note
      createdAt
      author
      evidence {
        filename
        contentType
        size
        url
      }
    }
  }
`);

export const ActionItemsBoardQuery = graphql(`
  query ActionItemsBoard($filter: ActionItemFilter, $first: Int, $after: String) {
    actionItems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ActionItemCard
        }
      }
    }
  }
`);

export const BoardUnitsQuery = graphql(`
  query BoardUnits($first: Int!, $after: String) {
    residentUnits(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** Candidates for the 责任人 filter, searched by name on the server. */
export const BoardOwnersQuery = graphql(`
  query BoardOwners($search: String!) {
    people(filter: { search: $search }, first: 20) {
      nodes {
        id
        name
      }
    }
  }
`);

export const ActionItemVerifyMutation = graphql(`
  mutation ActionItemVerify($input: ActionItemVerifyInput!) {
    actionItemVerify(input: $input) {
      actionItem {
        ...ActionItemCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
