import { useCallback, useEffect, useMemo } from 'react';
import { useClient, useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { useCursorPagination, type CursorProbe } from './useCursorPagination';

export interface ConnectionLike<TNode> {
  edges: ReadonlyArray<{ node: TNode }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

interface PageVars {
  first?: number | null;
  after?: string | null;
}

/**
 * A numbered page of a Relay connection for an antd Table with server-side pagination.
 * `variables` are everything but `first`/`after` (filters, order); a change resets to fresh cursors.
 */
export function usePagedConnection<TData, TVars extends PageVars & AnyVariables, TNode>(options: {
  query: TypedDocumentNode<TData, TVars>;
  variables: Omit<TVars, 'first' | 'after'>;
  select: (data: TData) => ConnectionLike<TNode> | null | undefined;
  page: number;
  pageSize: number;
}) {
  const { query, variables, select, page } = options;
  const client = useClient();
  const resetKey = JSON.stringify(variables);

  const probe = useCallback<CursorProbe>(
    async (after, first) => {
      const vars = { ...(JSON.parse(resetKey) as object), first, after } as TVars;
      const result = await client.query(query, vars, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) throw result.error;
      const connection = result.data ? select(result.data) : null;
      return {
        endCursor: connection?.pageInfo.endCursor,
        hasNextPage: connection?.pageInfo.hasNextPage ?? false,
        totalCount: connection?.totalCount ?? 0,
      };
    },
    // `select` is expected to be a stable accessor
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, query, resetKey],
  );

  const pager = useCursorPagination({ page, pageSize: options.pageSize, resetKey, probe });
  const queryVariables = useMemo(
    () => ({ ...(JSON.parse(resetKey) as object), ...pager.variables }) as TVars,
    [resetKey, pager.variables],
  );

  const [result, reexecute] = useQuery<TData, TVars>({
    query,
    variables: queryVariables,
    pause: pager.variables === null,
  });

  const connection = result.data ? select(result.data) : null;
  const endCursor = connection?.pageInfo.endCursor;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const { recordPage } = pager;
  useEffect(() => {
    if (result.data && !result.stale && pager.variables) recordPage(page, endCursor, hasNextPage);
  }, [result.data, result.stale, pager.variables, page, endCursor, hasNextPage, recordPage]);

  const retry = useCallback(() => {
    if (pager.probeError) pager.retryProbe();
    else reexecute({ requestPolicy: 'network-only' });
  }, [pager, reexecute]);

  const rows = useMemo(() => (connection ? connection.edges.map((e) => e.node) : []), [connection]);

  return {
    rows,
    total: connection?.totalCount ?? 0,
    loading: result.fetching || (pager.resolving && !pager.probeError),
    error: pager.probeError ?? result.error ?? null,
    hasData: Boolean(connection),
    pageSize: pager.pageSize,
    retry,
  };
}
