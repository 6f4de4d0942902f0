import { graphql } from '../../../graphql';

export const PersonLedgerQuery = graphql(`
  query PersonLedger($person: ID!, $first: Int, $after: String) {
    pointsLedger(person: $person) {
      ...LedgerTotals
      entries(first: $first, after: $after) {
        ...LedgerEntries
      }
    }
  }
`);

export const MyLedgerQuery = graphql(`
  query MyLedger($first: Int, $after: String) {
    myPointsLedger {
      ...LedgerTotals
      entries(first: $first, after: $after) {
        ...LedgerEntries
      }
    }
  }
`);

export const LedgerTotalsFragment = graphql(`
  fragment LedgerTotals on PointsLedger {
    balance
    earned
    spent
    hours
    person {
      id
      name
    }
    serviceRecords(first: 20) {
      totalCount
      nodes {
        id
        description
        startedAt
        endedAt
        hours
        points
      }
    }
  }
`);

export const LedgerEntriesFragment = graphql(`
  fragment LedgerEntries on PointsEntryConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        sequence
        kind
        kindLabel
        points
        balance
        note
        createdAt
      }
    }
  }
`);

export const LedgerMerchantsQuery = graphql(`
  query LedgerMerchants($first: Int!, $after: String) {
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
          offer
        }
      }
    }
  }
`);

export const PointsRedeemMutation = graphql(`
  mutation PointsRedeem($input: PointsRedeemInput!) {
    pointsRedeem(input: $input) {
      entry {
        balance
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ServiceRecordCorrectMutation = graphql(`
  mutation ServiceRecordCorrect($input: ServiceRecordCorrectInput!) {
    serviceRecordCorrect(input: $input) {
      serviceRecord {
        id
        minutes
        points
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
