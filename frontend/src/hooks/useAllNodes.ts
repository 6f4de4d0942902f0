import { useCallback, useEffect, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import { MAX_PAGE_SIZE } from './useCursorPagination';
import type { ConnectionLike } from './usePagedConnection';

const NO_NODES: never[] = [];

interface AllPagesState<TNode> {
  /** the request (variables + attempt) this state answers */
  key: string;
  nodes: TNode[];
  total: number;
  error: CombinedError | null;
}

/**
 * Every node of a (small) connection, fetched 100 at a time by following `endCursor`.
 * For client-side structures such as the organisation tree and filter options; `pause` skips
 * the requests (no nodes, not loading).
 */
export function useAllNodes<
  TData,
  TVars extends { first: number; after?: string | null } & AnyVariables,
  TNode,
>(
  query: TypedDocumentNode<TData, TVars>,
  select: (data: TData) => ConnectionLike<TNode> | null | undefined,
  variables?: Omit<TVars, 'first' | 'after'>,
  options?: { pause?: boolean },
) {
  const pause = options?.pause ?? false;
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AllPagesState<TNode>>({ key: '', nodes: [], total: 0, error: null });
  const varsKey = JSON.stringify(variables ?? {});
  const requestKey = `${varsKey}#${attempt}`;

  useEffect(() => {
    if (pause) return;
    let cancelled = false;
    (async () => {
      const nodes: TNode[] = [];
      let after: string | null = null;
      let total = 0;
      for (let guard = 0; guard < 1000; guard += 1) {
        const vars = { ...(JSON.parse(varsKey) as object), first: MAX_PAGE_SIZE, after } as TVars;
        const result = await client
          .query(query, vars, { requestPolicy: attempt > 0 ? 'network-only' : 'cache-first' })
          .toPromise();
        if (cancelled) return;
        if (result.error) {
          setState({ key: requestKey, nodes, total, error: result.error });
          return;
        }
        const connection = result.data ? select(result.data) : null;
        if (!connection) break;
        total = connection.totalCount;
        nodes.push(...connection.edges.map((e) => e.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setState({ key: requestKey, nodes, total, error: null });
    })();
    return () => {
      cancelled = true;
    };
    // `select` is expected to be a stable accessor
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, query, varsKey, attempt, requestKey, pause]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = !pause && state.key !== requestKey;
  if (pause) return { nodes: NO_NODES as TNode[], total: 0, error: null, loading: false, retry };
  return {
    nodes: state.nodes,
    total: state.total,
    error: loading ? null : state.error,
    loading,
    retry,
  };
}
