import { graphql } from '../../../graphql';

export const WishCardFragment = graphql(`
  fragment WishCard on MicroWish {
    id
    title
    description
    status
    statusLabel
    beneficiaryName
    publishedAt
    claimedAt
    fulfilledAt
    confirmedAt
    fulfilmentNote
    community {
      id
      name
    }
    grid {
      id
      name
    }
    claimedByPerson {
      id
      name
    }
    claimedByUnit {
      id
      name
    }
    evidence {
      filename
      contentType
      url
    }
  }
`);

export const WishWallQuery = graphql(`
  query WishWall($filter: MicroWishFilter, $first: Int, $after: String) {
    microWishes(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...WishCard
        }
      }
    }
  }
`);

export const WishGridsQuery = graphql(`
  query WishGrids($first: Int!, $after: String) {
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
          }
        }
      }
    }
  }
`);

export const WishBeneficiarySearchQuery = graphql(`
  query WishBeneficiarySearch($search: String!) {
    people(filter: { search: $search }, first: 20) {
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

export const MicroWishPublishMutation = graphql(`
  mutation MicroWishPublish($input: MicroWishPublishInput!) {
    microWishPublish(input: $input) {
      wish {
        ...WishCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MicroWishClaimMutation = graphql(`
  mutation MicroWishClaim($input: MicroWishClaimInput!) {
    microWishClaim(input: $input) {
      wish {
        ...WishCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MicroWishFulfilMutation = graphql(`
  mutation MicroWishFulfil($input: MicroWishFulfilInput!) {
    microWishFulfil(input: $input) {
      wish {
        ...WishCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MicroWishConfirmMutation = graphql(`
  mutation MicroWishConfirm($wish: ID!) {
    microWishConfirm(wish: $wish) {
      wish {
        ...WishCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
