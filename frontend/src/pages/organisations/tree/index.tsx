import { useMemo, useState } from 'react';
import { Card, Col, Input, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useSearchParams } from 'react-router-dom';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { t } from '../../../locales';
import OrganisationDetail from './components/OrganisationDetail';
import { buildTree, keysToDepth, matchKeys, type OrganisationTreeNode } from './components/buildTree';
import { OrganisationTreeQuery } from './queries';

function toDataNodes(nodes: OrganisationTreeNode[], matched: Set<string>, filter: string): DataNode[] {
  return nodes.map((n) => ({
    key: n.key,
    title: (
      <span data-testid="organisation-node" data-kind={n.organisation.kind}>
        <span style={matched.has(n.key) && filter ? { color: '#c41d1d', fontWeight: 600 } : undefined}>
          {n.organisation.name}
        </span>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {n.organisation.kindLabel}
        </Typography.Text>
        {n.organisation.archivedAt ? (
          <Tag style={{ marginLeft: 8 }}>{t('pages.organisations.archivedTag')}</Tag>
        ) : null}
      </span>
    ),
    children: toDataNodes(n.children, matched, filter),
  }));
}

export default function OrganisationTreePage() {
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === '1';
  const { nodes, total, loading, error, retry } = useAllNodes(OrganisationTreeQuery, (d) => d.organisations, {
    archived,
  });
  const select = (key: string | null) => {
    const next = new URLSearchParams(params);
    if (key) next.set('selected', key);
    else next.delete('selected');
    setParams(next, { replace: true });
  };
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const roots = useMemo(() => buildTree(nodes), [nodes]);
  // Until the user picks a node, show the top of the tree.
  const selected = params.get('selected') ?? roots[0]?.key ?? null;
  const { expanded: matchExpanded, matched } = useMemo(
    () => (filter ? matchKeys(roots, filter) : { expanded: [], matched: new Set<string>() }),
    [roots, filter],
  );
  const treeData = useMemo(() => toDataNodes(roots, matched, filter), [roots, matched, filter]);
  const expandedKeys = filter ? matchExpanded : (expanded ?? keysToDepth(roots, 1));

  let treeBody;
  if (loading && nodes.length === 0) treeBody = <PageLoading rows={10} card={false} />;
  else if (error) treeBody = <QueryError error={error} onRetry={retry} compact />;
  else if (nodes.length === 0) treeBody = <EmptyState />;
  else
    treeBody = (
      <>
        <Input.Search
          allowClear
          placeholder={t('pages.organisations.searchPlaceholder')}
          onChange={(e) => setFilter(e.target.value.trim())}
          style={{ marginBottom: 12 }}
          aria-label={t('pages.organisations.searchPlaceholder')}
        />
        <Tree
          showLine
          blockNode
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            if (!filter) setExpanded(keys.map(String));
          }}
          selectedKeys={selected ? [selected] : []}
          // Clicking the chosen node again keeps it chosen (a Tree would deselect it).
          onSelect={(keys) => {
            if (keys[0]) select(String(keys[0]));
          }}
        />
      </>
    );

  return (
    <PageContainer title={t('pages.organisations.title')} testId="organisations-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card
            title={t('pages.organisations.tree')}
            extra={
              <Space>
                <Switch
                  size="small"
                  checked={archived}
                  onChange={(on) => {
                    const next = new URLSearchParams(params);
                    if (on) next.set('archived', '1');
                    else next.delete('archived');
                    setParams(next, { replace: true });
                  }}
                  aria-label={t('pages.organisations.showArchived')}
                  data-testid="organisation-show-archived"
                />
                <Typography.Text type="secondary">{t('pages.organisations.showArchived')}</Typography.Text>
                {total > 0 ? (
                  <Typography.Text type="secondary">
                    {t('pages.organisations.nodeCount', { total })}
                  </Typography.Text>
                ) : null}
              </Space>
            }
            data-testid="organisation-tree"
          >
            {treeBody}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {selected ? (
            <OrganisationDetail
              id={selected}
              roots={roots}
              onChanged={(chosen) => {
                retry();
                if (chosen) select(chosen);
              }}
            />
          ) : (
            <Card>
              <EmptyState description={t('pages.organisations.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
