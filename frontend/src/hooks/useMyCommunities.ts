import { useMemo } from 'react';
import { CommunityOptionsQuery } from '../components/CommunitySelect/queries';
import { useAuth } from '../providers/AuthProvider';
import { useAllNodes } from './useAllNodes';

/**
 * The communities a form may act in: those of the user's grants, and for a street
 * administrator every community of the tree (read only while `active`, e.g. a modal is open).
 */
export function useMyCommunities(active: boolean) {
  const { me } = useAuth();
  const grants = useMemo(() => me?.roles ?? [], [me]);
  const isAdmin = grants.some((g) => g.role === 'STREET_ADMIN');
  const own = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of grants)
      if (g.organisation && g.role !== 'STREET_ADMIN') seen.set(g.organisation.id, g.organisation.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [grants]);
  const communities = useAllNodes(CommunityOptionsQuery, (d) => d.organisations, undefined, {
    pause: !isAdmin || !active,
  });
  const options = useMemo(() => {
    const list = [...own];
    for (const n of communities.nodes)
      if (!list.some((o) => o.value === n.id)) list.push({ value: n.id, label: n.name });
    return list;
  }, [own, communities.nodes]);
  return { options, loading: communities.loading, only: own.length === 1 ? own[0].value : undefined };
}
