import { graphql } from '../../../graphql';

/** What the needs board shows of a need, and its drawer. */
export const NeedCardFragment = graphql(`
  fragment NeedCard on Need {
    id
    title
    description
    category
    status
    statusLabel
    urgency
    urgencyLabel
    sourceLabel
    raisedAt
    solvedAt
    satisfaction
    feedback
    rejectReason
    viewerCanHandle
    community {
      id
      name
    }
    grid {
      id
      name
    }
    project {
      id
      title
    }
    mergedInto {
      id
      title
    }
    photos {
      filename
      url
    }
    dispatches {
      id
      status
      statusLabel
      note
      declineReason
      createdAt
      respondedAt
      unit {
        id
        name
      }
    }
  }
`);

export const NeedsBoardQuery = graphql(`
  query NeedsBoard($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...NeedCard
        }
      }
    }
  }
`);

export const NeedGridsQuery = graphql(`
  query NeedGrids($first: Int!, $after: String) {
    grids(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          community {
            id
            name
          }
        }
      }
    }
  }
`);

export const NeedSubmitMutation = graphql(`
  mutation NeedSubmit($input: NeedSubmitInput!) {
    needSubmit(input: $input) {
      need {
        ...NeedCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const NeedTriageMutation = graphql(`
  mutation NeedTriage($input: NeedTriageInput!) {
    needTriage(input: $input) {
      need {
        ...NeedCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const NeedSolveMutation = graphql(`
  mutation NeedSolve($need: ID!) {
    needSolve(need: $need) {
      need {
        ...NeedCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const NeedCloseMutation = graphql(`
  mutation NeedClose($input: NeedCloseInput!) {
    needClose(input: $input) {
      need {
        ...NeedCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const NeedDispatchWithdrawMutation = graphql(`
  mutation NeedDispatchWithdraw($dispatch: ID!) {
    needDispatchWithdraw(dispatch: $dispatch) {
      need {
        ...NeedCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

/** One need by its global ID, for a link that opens it on the board (`?need=`). */
export const NeedLinkedQuery = graphql(`
  query NeedLinked($id: ID!) {
    node(id: $id) {
      __typename
      ... on Need {
        ...NeedCard
      }
    }
  }
`);
