import { graphql } from '../../../graphql';

export const OrganisationTreeQuery = graphql(`
  query OrganisationTree($first: Int!, $after: String, $archived: Boolean!) {
    organisations(first: $first, after: $after, filter: { includeArchived: $archived }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          kindLabel
          archivedAt
          parent {
            id
          }
        }
      }
    }
  }
`);

export const OrganisationDetailQuery = graphql(`
  query OrganisationDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        name
        kind
        kindLabel
        code
        address
        secretaryName
        phone
        archivedAt
        viewerCanManage
        childKinds
        unitCount
        gridCount
        parent {
          id
          name
        }
        grids(first: 50) {
          totalCount
          edges {
            node {
              id
              name
              households
              branch {
                id
                name
              }
            }
          }
        }
        residentUnits(first: 10) {
          totalCount
          edges {
            node {
              id
              name
              kindLabel
            }
          }
        }
      }
    }
  }
`);

export const OrganisationCreateMutation = graphql(`
  mutation OrganisationCreate($input: OrganisationCreateInput!) {
    organisationCreate(input: $input) {
      organisation {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const OrganisationUpdateMutation = graphql(`
  mutation OrganisationUpdate($input: OrganisationUpdateInput!) {
    organisationUpdate(input: $input) {
      organisation {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const OrganisationMoveMutation = graphql(`
  mutation OrganisationMove($input: OrganisationMoveInput!) {
    organisationMove(input: $input) {
      organisation {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const OrganisationArchiveMutation = graphql(`
  mutation OrganisationArchive($id: ID!) {
    organisationArchive(id: $id) {
      organisation {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const OrganisationRestoreMutation = graphql(`
  mutation OrganisationRestore($id: ID!) {
    organisationRestore(id: $id) {
      organisation {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const GridCreateMutation = graphql(`
  mutation GridCreate($input: GridCreateInput!) {
    gridCreate(input: $input) {
      grid {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const GridUpdateMutation = graphql(`
  mutation GridUpdate($input: GridUpdateInput!) {
    gridUpdate(input: $input) {
      grid {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const GridArchiveMutation = graphql(`
  mutation GridArchive($id: ID!) {
    gridArchive(id: $id) {
      grid {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
