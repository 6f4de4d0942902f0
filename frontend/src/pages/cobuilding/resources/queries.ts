import { graphql } from '../../../graphql';

export const ResourceRowFragment = graphql(`
  fragment ResourceRow on Resource {
    id
    title
    description
    kind
    kindLabel
    category
    capacity
    availability
    conditions
    status
    statusLabel
    unit {
      id
      name
    }
    community {
      id
      name
    }
  }
`);

export const ResourceCatalogueQuery = graphql(`
  query ResourceCatalogue($filter: ResourceFilter, $first: Int, $after: String) {
    resources(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ResourceRow
        }
      }
    }
  }
`);

/** The units a resource may come from: a liaison reads only its own unit. */
export const ResourceUnitOptionsQuery = graphql(`
  query ResourceUnitOptions($search: String) {
    residentUnits(filter: { search: $search }, first: 50) {
      totalCount
      nodes {
        id
        name
        community {
          name
        }
      }
    }
  }
`);

export const ResourcePublishMutation = graphql(`
  mutation ResourcePublish($input: ResourcePublishInput!) {
    resourcePublish(input: $input) {
      resource {
        ...ResourceRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ResourceUpdateMutation = graphql(`
  mutation ResourceUpdate($input: ResourceUpdateInput!) {
    resourceUpdate(input: $input) {
      resource {
        ...ResourceRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
