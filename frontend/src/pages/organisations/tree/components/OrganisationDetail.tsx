import { Card, Descriptions, Flex, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../../components/EmptyState';
import PageLoading from '../../../../components/PageLoading';
import QueryError from '../../../../components/QueryError';
import { t } from '../../../../locales';
import { orNone } from '../../../../utils/format';
import { OrganisationDetailQuery } from '../queries';
import type { OrganisationTreeNode } from './buildTree';
import GridEditor from './GridEditor';
import OrganisationActions from './OrganisationActions';

/** The grid branches directly below an organisation, as select options. */
function branchesOf(roots: readonly OrganisationTreeNode[], id: string): { value: string; label: string }[] {
  const find = (nodes: readonly OrganisationTreeNode[]): OrganisationTreeNode | undefined => {
    for (const n of nodes) {
      if (n.key === id) return n;
      const below = find(n.children);
      if (below) return below;
    }
    return undefined;
  };
  return (find(roots)?.children ?? [])
    .filter((c) => c.organisation.kind === 'GRID_BRANCH' && !c.organisation.archivedAt)
    .map((c) => ({ value: c.key, label: c.organisation.name }));
}

/** One organisation: its figures, particulars, grids and units; what its administrators may do. */
export default function OrganisationDetail({
  id,
  roots,
  onChanged,
}: {
  id: string;
  roots: readonly OrganisationTreeNode[];
  onChanged: (select?: string) => void;
}) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrganisationDetailQuery,
    variables: { id },
  });

  if (fetching && !data) return <PageLoading rows={8} />;
  if (error && !data) {
    return (
      <Card>
        <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </Card>
    );
  }
  const org = data?.node?.__typename === 'Organisation' ? data.node : null;
  if (!org) {
    return (
      <Card>
        <EmptyState description={t('pages.common.notFound.subtitle')} />
      </Card>
    );
  }

  const units = org.residentUnits.edges.map((e) => e.node);
  // Grids belong to communities; their administrators edit them here.
  const manageGrids = org.viewerCanManage && org.kind === 'COMMUNITY_COMMITTEE';
  const grids = org.grids.edges.map((e) => e.node);

  return (
    <Card
      title={
        <Space>
          <span data-testid="organisation-name">{org.name}</span>
          <Tag color="red">{org.kindLabel}</Tag>
          {org.archivedAt ? (
            <Tag data-testid="organisation-archived">{t('pages.organisations.archivedTag')}</Tag>
          ) : null}
        </Space>
      }
      data-testid="organisation-detail"
    >
      {org.viewerCanManage ? (
        <div style={{ marginBottom: 16 }}>
          <OrganisationActions
            organisation={{ ...org, id: org.id }}
            roots={roots}
            onChanged={(select) => {
              reexecute({ requestPolicy: 'network-only' });
              onChanged(select);
            }}
          />
        </div>
      ) : null}
      <Space size={48} style={{ marginBottom: 24 }}>
        <Statistic title={t('pages.organisations.unitCount')} value={org.unitCount} />
        <Statistic title={t('pages.organisations.gridCount')} value={org.gridCount} />
      </Space>
      <Descriptions
        // Two columns only where the detail card is wide enough (it shares the row with the tree).
        column={{ xs: 1, md: 2, lg: 1, xxl: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        bordered
        size="small"
        items={[
          { key: '0', label: t('pages.organisations.kind'), children: org.kindLabel },
          { key: '1', label: t('pages.organisations.parent'), children: orNone(org.parent?.name) },
          { key: '2', label: t('pages.organisations.secretary'), children: orNone(org.secretaryName) },
          { key: '3', label: t('pages.organisations.address'), children: orNone(org.address) },
          { key: '4', label: t('pages.organisations.phone'), children: orNone(org.phone) },
          { key: '5', label: t('pages.organisations.code'), children: orNone(org.code) },
        ]}
      />
      {grids.length > 0 || (manageGrids && !org.archivedAt) ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('pages.organisations.grids')}
          </Typography.Title>
          <GridEditor
            communityId={org.id}
            grids={grids}
            branches={branchesOf(roots, org.id)}
            manage={manageGrids && !org.archivedAt}
            onChanged={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </>
      ) : null}
      {units.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('pages.organisations.units', { count: units.length })}
          </Typography.Title>
          <Flex vertical gap={6}>
            {units.map((u) => (
              <Flex key={u.id} justify="space-between" align="center">
                <Link to={`/units/${encodeURIComponent(u.id)}`}>{u.name}</Link>
                <Tag>{u.kindLabel}</Tag>
              </Flex>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
