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
  query ActionItemsBoard($filter: ActionItemFilter) {
    actionItems(filter: $filter, first: 100) {
      totalCount
      nodes {
        ...ActionItemCard
      }
    }
  }
`);

export const BoardUnitsQuery = graphql(`
  query BoardUnits {
    residentUnits(first: 100) {
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
