import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import CommunitySelect from '../../../components/CommunitySelect';
import PageContainer from '../../../components/PageContainer';
import { searchCounter, INPUT_LIMITS } from '../../../utils/limits';
import type { NeedStatus } from '../../../graphql/graphql';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { useListParams } from '../../../hooks/useListParams';
import { t } from '../../../locales';
import { useIssueCategories } from '../../../hooks/useIssueCategories';
import type { Need } from './components/NeedCard';
import NeedColumn from './components/NeedColumn';
import NeedDrawer from './components/NeedDrawer';
import NeedSubmitModal from './components/NeedSubmitModal';
import { NeedGridsQuery, NeedLinkedQuery } from './queries';

const FLOW: readonly NeedStatus[] = [
  'SUBMITTED',
  'ACCEPTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'SOLVED',
  'CLOSED',
];
const SET_ASIDE: readonly NeedStatus[] = ['REJECTED', 'MERGED'];

/** A need named in the URL (`?need=<ID>`, a link from the audit log) opens in the drawer. */
function useLinkedNeed(show: (need: Need) => void) {
  const [params, setParams] = useSearchParams();
  const id = params.get('need');
  const [{ data }] = useQuery({ query: NeedLinkedQuery, variables: { id: id ?? '' }, pause: !id });
  const node = data?.node;
  const [shown, setShown] = useState<string | null>(null);
  if (id && node?.__typename === 'Need' && shown !== id) {
    setShown(id);
    show(node);
  }
  return {
    forget: () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('need');
          return next;
        },
        { replace: true },
      ),
  };
}

/** 需求看板: every need by status, from 待受理 to 已办结, with filters by grid and category. */
export default function NeedsBoardPage() {
  const { message } = App.useApp();
  const categories = useIssueCategories();
  const { search, setSearch, filters, setFilter } = useListParams([
    'community',
    'grid',
    'category',
    'all',
  ] as const);
  const filter = useMemo(
    () => ({
      organisation: filters.community ?? null,
      grid: filters.grid ?? null,
      category: filters.category ?? null,
      search: search || null,
    }),
    [filters.community, filters.grid, filters.category, search],
  );
  const grids = useAllNodes(NeedGridsQuery, (d) => d.grids);
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<Need | null>(null);
  const linked = useLinkedNeed(setOpen);
  const [submitting, setSubmitting] = useState(false);
  const columns = filters.all === '1' ? [...FLOW, ...SET_ASIDE] : FLOW;

  return (
    <PageContainer
      title={t('menu.cobuilding.needs')}
      breadcrumb={[{ title: t('menu.cobuilding') }, { title: t('menu.cobuilding.needs') }]}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setSubmitting(true)}
          data-testid="need-submit-button"
        >
          {t('pages.needs.submit')}
        </Button>
      }
      testId="needs-board-page"
    >
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Input.Search
            count={searchCounter(INPUT_LIMITS.NeedFilter.search)}
            allowClear
            defaultValue={search}
            placeholder={t('pages.needs.search')}
            onSearch={setSearch}
            style={{ width: 240 }}
            data-testid="need-search"
          />
          <CommunitySelect
            value={filters.community}
            onChange={(v) => setFilter('community', v)}
            placeholder={t('pages.needs.filter.community')}
            testId="need-filter-community"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.needs.filter.grid')}
            aria-label={t('pages.needs.filter.grid')}
            value={filters.grid}
            onChange={(v?: string) => setFilter('grid', v)}
            loading={grids.loading}
            options={grids.nodes
              .filter((g) => !filters.community || g.community.id === filters.community)
              .map((g) => ({ value: g.id, label: `${g.community.name} · ${g.name}` }))}
            style={{ width: 240 }}
            data-testid="need-filter-grid"
          />
          <AutoComplete
            allowClear
            placeholder={t('pages.needs.filter.category')}
            aria-label={t('pages.needs.filter.category')}
            value={filters.category}
            options={categories}
            onChange={(v?: string) => setFilter('category', v || undefined)}
            style={{ width: 160 }}
            data-testid="need-filter-category"
          />
          <Space>
            <Switch
              checked={filters.all === '1'}
              onChange={(on) => setFilter('all', on ? '1' : undefined)}
              data-testid="need-filter-all"
            />
            <Typography.Text>{t('pages.needs.filter.showRejected')}</Typography.Text>
          </Space>
        </Flex>
      </Card>
      <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto' }} data-testid="needs-board">
        {columns.map((status) => (
          <Col key={status} flex="1 0 220px">
            <NeedColumn status={status} filter={filter} refresh={refresh} onOpen={setOpen} />
          </Col>
        ))}
      </Row>
      <NeedDrawer
        need={open}
        onClose={() => {
          setOpen(null);
          linked.forget();
        }}
        onChanged={(need) => {
          setOpen(need);
          setRefresh((n) => n + 1);
        }}
      />
      <NeedSubmitModal
        open={submitting}
        onClose={() => setSubmitting(false)}
        onSubmitted={() => {
          setSubmitting(false);
          message.success(t('pages.needs.submit.saved'));
          setRefresh((n) => n + 1);
        }}
      />
    </PageContainer>
  );
}
