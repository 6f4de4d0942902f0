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

/** What every change of the tree answers: the organisation or grid, or the typed errors. */
export const OrganisationChangeFragment = graphql(`
  fragment OrganisationChange on OrganisationPayload {
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
`);

export const GridChangeFragment = graphql(`
  fragment GridChange on GridPayload {
    grid {
      id
    }
    errors {
      field
      code
      message
    }
  }
`);

export const OrganisationCreateMutation = graphql(`
  mutation OrganisationCreate($input: OrganisationCreateInput!) {
    organisationCreate(input: $input) {
      ...OrganisationChange
    }
  }
`);

export const OrganisationUpdateMutation = graphql(`
  mutation OrganisationUpdate($input: OrganisationUpdateInput!) {
    organisationUpdate(input: $input) {
      ...OrganisationChange
    }
  }
`);

export const OrganisationMoveMutation = graphql(`
  mutation OrganisationMove($input: OrganisationMoveInput!) {
    organisationMove(input: $input) {
      ...OrganisationChange
    }
  }
`);

export const OrganisationArchiveMutation = graphql(`
  mutation OrganisationArchive($id: ID!) {
    organisationArchive(id: $id) {
      ...OrganisationChange
    }
  }
`);

export const OrganisationRestoreMutation = graphql(`
  mutation OrganisationRestore($id: ID!) {
    organisationRestore(id: $id) {
      ...OrganisationChange
    }
  }
`);

export const GridCreateMutation = graphql(`
  mutation GridCreate($input: GridCreateInput!) {
    gridCreate(input: $input) {
      ...GridChange
    }
  }
`);

export const GridUpdateMutation = graphql(`
  mutation GridUpdate($input: GridUpdateInput!) {
    gridUpdate(input: $input) {
      ...GridChange
    }
  }
`);

export const GridArchiveMutation = graphql(`
  mutation GridArchive($id: ID!) {
    gridArchive(id: $id) {
      ...GridChange
    }
  }
`);
