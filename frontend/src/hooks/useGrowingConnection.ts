import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import type { ConnectionLike } from './usePagedConnection';

interface PageVars {
  first?: number | null;
  after?: string | null;
}

interface Extra<TNode> {
  key: string;
  nodes: TNode[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * A connection read page by page into one growing list ("加载更多"), for boards and feeds.
 * The first page is an ordinary query (refetched when a mutation touches its types); later
 * pages follow `endCursor`. Changing `variables` or calling `reload` starts again from page one.
 */
export function useGrowingConnection<TData, TVars extends PageVars & AnyVariables, TNode>(options: {
  query: TypedDocumentNode<TData, TVars>;
  variables: Omit<TVars, 'first' | 'after'>;
  select: (data: TData) => ConnectionLike<TNode> | null | undefined;
  pageSize: number;
}) {
  const { query, select, pageSize } = options;
  const client = useClient();
  const key = JSON.stringify(options.variables);
  const firstVariables = useMemo(
    () => ({ ...(JSON.parse(key) as object), first: pageSize, after: null }) as TVars,
    [key, pageSize],
  );
  const [result, reexecute] = useQuery<TData, TVars>({ query, variables: firstVariables });
  const [extra, setExtra] = useState<Extra<TNode> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);

  const first = result.data ? select(result.data) : null;
  const current = extra?.key === key ? extra : null;
  const endCursor = current ? current.endCursor : (first?.pageInfo.endCursor ?? null);
  const hasNextPage = current ? current.hasNextPage : (first?.pageInfo.hasNextPage ?? false);

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    const next = await client
      .query(query, { ...firstVariables, after: endCursor } as TVars, { requestPolicy: 'network-only' })
      .toPromise();
    setLoadingMore(false);
    if (next.error) {
      setMoreError(next.error);
      return;
    }
    setMoreError(null);
    const connection = next.data ? select(next.data) : null;
    if (!connection) return;
    setExtra((previous) => ({
      key,
      nodes: [...(previous?.key === key ? previous.nodes : []), ...connection.edges.map((e) => e.node)],
      endCursor: connection.pageInfo.endCursor ?? null,
      hasNextPage: connection.pageInfo.hasNextPage,
    }));
    // `select` is expected to be a stable accessor
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, query, firstVariables, endCursor, key]);

  const reload = useCallback(() => {
    setExtra(null);
    setMoreError(null);
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  const nodes = useMemo(
    () => [...(first ? first.edges.map((e) => e.node) : []), ...(current?.nodes ?? [])],
    [first, current],
  );

  return {
    /** the first page's whole result (totals that come with the connection) */
    data: result.data,
    nodes,
    total: first?.totalCount ?? 0,
    hasMore: hasNextPage,
    loading: result.fetching,
    loadingMore,
    error: result.error ?? moreError ?? null,
    hasData: Boolean(first),
    loadMore,
    reload,
  };
}
