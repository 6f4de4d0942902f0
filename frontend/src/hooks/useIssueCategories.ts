import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql';

export const IssueCategoriesQuery = graphql(`
  query IssueCategories {
    issueCategories {
      name
    }
  }
`);

/**
 * The usual categories of needs, resources and proposals (one list, from the API), as options
 * of an AutoComplete or a filter; any other text may still be typed.
 */
export function useIssueCategories(): { value: string }[] {
  const [{ data }] = useQuery({ query: IssueCategoriesQuery });
  return useMemo(() => (data?.issueCategories ?? []).map((c) => ({ value: c.name })), [data]);
}
