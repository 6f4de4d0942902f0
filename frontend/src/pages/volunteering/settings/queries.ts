import { graphql } from '../../../graphql';

export const PointsRateQuery = graphql(`
  query PointsRate($organisation: ID!) {
    pointsPerHour(organisation: $organisation)
  }
`);

export const PointsRuleSetMutation = graphql(`
  mutation PointsRuleSet($input: PointsRuleSetInput!) {
    pointsRuleSet(input: $input) {
      pointsPerHour
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MerchantListQuery = graphql(`
  query MerchantList($first: Int, $after: String) {
    partnerMerchants(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          address
          offer
          community {
            name
          }
        }
      }
    }
  }
`);

export const MerchantCreateMutation = graphql(`
  mutation PartnerMerchantCreate($input: PartnerMerchantCreateInput!) {
    partnerMerchantCreate(input: $input) {
      merchant {
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
