import { graphql } from '../../../graphql';

export const DispatchNeedQuery = graphql(`
  query DispatchNeed($id: ID!) {
    node(id: $id) {
      ... on Need {
        ...NeedCard
      }
    }
    needSuggestions(need: $id) {
      score
      remaining
      reasons
      resource {
        id
        title
        kindLabel
        availability
        unit {
          id
          name
        }
      }
    }
  }
`);

export const DispatchUnitsQuery = graphql(`
  query DispatchUnits($filter: ResidentUnitFilter, $first: Int!, $after: String) {
    residentUnits(filter: $filter, first: $first, after: $after) {
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

export const DispatchProjectsQuery = graphql(`
  query DispatchProjects($filter: ProjectFilter, $first: Int!, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
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

export const NeedDispatchMutation = graphql(`
  mutation NeedDispatch($input: NeedDispatchInput!) {
    needDispatch(input: $input) {
      dispatch {
        id
        unit {
          name
        }
      }
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
