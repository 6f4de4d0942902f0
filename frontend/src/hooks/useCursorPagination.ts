import { useCallback, useEffect, useState } from 'react';

/** At most this many rows per request (the API caps connections at 100). */
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

export interface CursorProbeResult {
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  totalCount: number;
}

/** Fetch `first` rows after `after` and return only the cursor information. */
export type CursorProbe = (after: string | null, first: number) => Promise<CursorProbeResult>;

interface CursorState {
  key: string;
  /** page number (1-based) -> the `after` cursor that starts it */
  cursors: Record<number, string | null>;
}

const initialState = (key: string): CursorState => ({ key, cursors: { 1: null } });

export interface CursorPageVariables {
  first: number;
  after: string | null;
}

/**
 * Numbered pages on top of Relay cursor pagination.
 *
 * The `after` cursor of every visited page is remembered; a jump to a page whose cursor is
 * unknown walks forward from the nearest known page with `probe` (up to 100 rows a request)
 * and then loads the page itself. Changing `resetKey` (filters) or the page size forgets
 * the cursors.
 */
export function useCursorPagination(options: {
  page: number;
  pageSize: number;
  resetKey: string;
  probe: CursorProbe;
}) {
  const { page, probe } = options;
  const pageSize = Math.min(Math.max(1, options.pageSize), MAX_PAGE_SIZE);
  const key = `${options.resetKey}|${pageSize}`;

  const [state, setState] = useState<CursorState>(() => initialState(key));
  const [probeError, setProbeError] = useState<Error | null>(null);
  const [probeAttempt, setProbeAttempt] = useState(0);

  let current = state;
  if (state.key !== key) {
    current = initialState(key);
    setState(current);
  }
  const known = Object.prototype.hasOwnProperty.call(current.cursors, page);
  const variables: CursorPageVariables | null = known
    ? { first: pageSize, after: current.cursors[page] ?? null }
    : null;

  useEffect(() => {
    if (known) return;
    let cancelled = false;
    const cursors = current.cursors;
    const start = Math.max(
      ...Object.keys(cursors)
        .map(Number)
        .filter((p) => p < page),
    );
    const pagesPerRequest = Math.max(1, Math.floor(MAX_PAGE_SIZE / pageSize));

    (async () => {
      const found: Record<number, string | null> = {};
      let at = start;
      let after = cursors[start] ?? null;
      while (at < page) {
        const step = Math.min(page - at, pagesPerRequest);
        const result = await probe(after, step * pageSize);
        if (cancelled) return;
        at += step;
        after = result.endCursor ?? after;
        found[at] = after;
        if (!result.hasNextPage) {
          // past the end: the requested page is empty
          found[page] = after;
          break;
        }
      }
      setProbeError(null);
      setState((s) => (s.key === key ? { ...s, cursors: { ...found, ...s.cursors } } : s));
    })().catch((error: unknown) => {
      if (!cancelled) setProbeError(error instanceof Error ? error : new Error(String(error)));
    });
    return () => {
      cancelled = true;
    };
    // `current.cursors` is read once when the walk starts; re-run only on page/key changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, page, pageSize, key, probe, probeAttempt]);

  /** Record the end cursor of a loaded page so that the next page is one request away. */
  const recordPage = useCallback(
    (loadedPage: number, endCursor: string | null | undefined, hasNextPage: boolean) => {
      if (!hasNextPage || !endCursor) return;
      setState((s) =>
        s.key === key && s.cursors[loadedPage + 1] !== endCursor
          ? { ...s, cursors: { ...s.cursors, [loadedPage + 1]: endCursor } }
          : s,
      );
    },
    [key],
  );

  const retryProbe = useCallback(() => {
    setProbeError(null);
    setProbeAttempt((n) => n + 1);
  }, []);

  return { variables, pageSize, recordPage, probeError, retryProbe, resolving: !known };
}
