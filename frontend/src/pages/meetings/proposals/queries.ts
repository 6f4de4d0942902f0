import { graphql } from '../../../graphql';

export const ProposalRowFragment = graphql(`
  fragment ProposalRow on Proposal {
    id
    title
    description
    kind
    kindLabel
    origin
    originLabel
    category
    sourceNote
    status
    statusLabel
    viewerCanTriage
    declineReason
    triagedAt
    createdAt
    community {
      id
      name
    }
    unit {
      id
      name
    }
    mergedInto {
      id
      title
    }
  }
`);

export const ProposalListQuery = graphql(`
  query ProposalList($first: Int, $after: String, $filter: ProposalFilter) {
    proposals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ProposalRow
        }
      }
    }
  }
`);

/** The proposals of one community that another may be merged into. */
export const ProposalMergeOptionsQuery = graphql(`
  query ProposalMergeOptions($first: Int!, $after: String, $filter: ProposalFilter) {
    proposals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          statusLabel
        }
      }
    }
  }
`);

/** The resident units of a community, for 代表单位 (a liaison sees only their own unit). */
export const ProposalUnitOptionsQuery = graphql(`
  query ProposalUnitOptions($first: Int!, $after: String, $filter: ResidentUnitFilter) {
    residentUnits(first: $first, after: $after, filter: $filter) {
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

export const ProposalSubmitMutation = graphql(`
  mutation ProposalSubmit($input: ProposalSubmitInput!) {
    proposalSubmit(input: $input) {
      proposal {
        ...ProposalRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ProposalTriageMutation = graphql(`
  mutation ProposalTriage($input: ProposalTriageInput!) {
    proposalTriage(input: $input) {
      proposal {
        ...ProposalRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
