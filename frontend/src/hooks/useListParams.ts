import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MAX_PAGE_SIZE } from './useCursorPagination';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * List state (search text, filters, page, page size) kept in the URL query string, so that
 * returning from a detail page restores the list as it was.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  // The router applies a new URL in a transition, and its functional update starts from the
  // parameters of the last render: two changes in quick succession (a filter, then a search)
  // would lose the first. Later changes build on the last URL asked for until it has arrived.
  const requested = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    requested.current = null;
  }, [params]);

  const page = positiveInt(params.get('page'), 1);
  const pageSize = Math.min(positiveInt(params.get('size'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const search = params.get('q') ?? '';
  const filterValues = filterKeys.map((k) => params.get(k) ?? '');
  const filterSignature = filterValues.join('\u0001');
  const filters = useMemo(() => {
    const values = filterSignature.split('\u0001');
    return Object.fromEntries(filterKeys.map((k, i) => [k, values[i] || undefined])) as Partial<
      Record<K, string>
    >;
    // filterKeys is a constant per page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterSignature]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>, resetPage: boolean) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(requested.current ?? prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (resetPage) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          requested.current = next;
          return next;
        },
        { replace: resetPage },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      if (nextSize !== pageSize)
        update({ size: nextSize === DEFAULT_PAGE_SIZE ? undefined : nextSize }, true);
      else update({ page: nextPage }, false);
    },
    [pageSize, update],
  );
  const setSearch = useCallback((q: string) => update({ q: q.trim() }, true), [update]);
  const setFilter = useCallback(
    (key: K, value: string | undefined) => update({ [key]: value }, true),
    [update],
  );

  /** Several filters at once (e.g. both ends of a date range). */
  const setFilters = useCallback(
    (changes: Partial<Record<K, string | undefined>>) => update(changes, true),
    [update],
  );

  return { page, pageSize, search, filters, setPage, setSearch, setFilter, setFilters };
}
