import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Input, Pagination, Row, Segmented, Spin } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { searchCounter, INPUT_LIMITS } from '../../../utils/limits';
import type { MicroWishStatus } from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { PAGE_SIZE_OPTIONS } from '../../../hooks/useCursorPagination';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { useAccess } from '../../../providers/AuthProvider';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { WISH_FILTERS } from './components/labels';
import WishCard, { type Wish } from './components/WishCard';
import WishFulfilModal from './components/WishFulfilModal';
import WishPublishModal from './components/WishPublishModal';
import { MicroWishClaimMutation, MicroWishConfirmMutation, WishWallQuery } from './queries';

const ALL = 'ALL';

/** 微心愿墙: residents' small wishes, claimed by members, volunteers or units, fulfilled, confirmed. */
export default function WishWallPage() {
  const { message } = App.useApp();
  const { canHandleNeeds, canAnswerDispatches } = useAccess();
  const list = useListParams(['status'] as const);
  const { status } = list.filters;
  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        status: status ? (status as MicroWishStatus) : null,
      },
    }),
    [list.search, status],
  );
  const result = usePagedConnection({
    query: WishWallQuery,
    variables,
    select: (d) => d.microWishes,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [publishing, setPublishing] = useState(false);
  const [fulfilling, setFulfilling] = useState<Wish | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, claim] = useMutation(MicroWishClaimMutation);
  const [, confirm] = useMutation(MicroWishConfirmMutation);
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const onClaim = async (wish: Wish) => {
    setBusy(wish.id);
    // A unit liaison claims in the unit's name; everyone else for themself.
    const outcome = await claim({ input: { wish: wish.id, forUnit: canAnswerDispatches } });
    setBusy(null);
    if (payloadSucceeded(outcome, outcome.data?.microWishClaim, fail)) {
      message.success(t('pages.wishes.claimed'));
      result.retry();
    }
  };

  const onConfirm = async (wish: Wish) => {
    setBusy(wish.id);
    const outcome = await confirm({ wish: wish.id });
    setBusy(null);
    if (payloadSucceeded(outcome, outcome.data?.microWishConfirm, fail)) {
      message.success(t('pages.wishes.confirmed'));
      result.retry();
    }
  };

  let body;
  if (result.loading && !result.hasData) body = <PageLoading rows={6} card={false} />;
  else if (result.error && !result.hasData) body = <QueryError error={result.error} onRetry={result.retry} />;
  else if (result.rows.length === 0)
    body = (
      <div aria-busy={result.loading}>
        <EmptyState description={t('pages.wishes.empty')} />
      </div>
    );
  else
    body = (
      <Spin spinning={result.loading}>
        <Row gutter={[16, 16]} data-testid="wish-wall" aria-busy={result.loading}>
          {result.rows.map((wish) => (
            <Col key={wish.id} xs={24} sm={12} lg={8} xxl={6}>
              <WishCard
                wish={wish}
                forUnit={canAnswerDispatches}
                staff={canHandleNeeds}
                busy={busy === wish.id}
                onClaim={(w) => void onClaim(w)}
                onFulfil={setFulfilling}
                onConfirm={(w) => void onConfirm(w)}
              />
            </Col>
          ))}
        </Row>
        {result.total > result.pageSize ? (
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Pagination
              current={list.page}
              pageSize={result.pageSize}
              total={result.total}
              showSizeChanger
              pageSizeOptions={PAGE_SIZE_OPTIONS}
              showTotal={(n) => t('pages.common.total', { total: n })}
              onChange={list.setPage}
              data-testid="wish-pagination"
            />
          </Flex>
        ) : null}
      </Spin>
    );

  return (
    <PageContainer
      title={t('pages.wishes.title')}
      breadcrumb={[{ title: t('menu.cobuilding') }, { title: t('menu.cobuilding.wishes') }]}
      extra={
        canHandleNeeds ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setPublishing(true)}
            data-testid="wish-publish-button"
          >
            {t('pages.wishes.publish')}
          </Button>
        ) : null
      }
      testId="wishes-page"
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented
            value={status ?? ALL}
            onChange={(v) => list.setFilter('status', v === ALL ? undefined : String(v))}
            options={[
              { value: ALL, label: t('pages.common.all') },
              ...WISH_FILTERS.map((s) => ({ value: s, label: ENUM_LABELS.MicroWishStatus[s] })),
            ]}
            aria-label={t('pages.wishes.filterStatus')}
            data-testid="wish-filter-status"
          />
          <Input.Search
            count={searchCounter(INPUT_LIMITS.MicroWishFilter.search)}
            key={list.search}
            allowClear
            defaultValue={list.search}
            placeholder={t('pages.wishes.search')}
            aria-label={t('pages.wishes.search')}
            onSearch={list.setSearch}
            style={{ width: 260 }}
            data-testid="wish-search"
          />
        </Flex>
        {body}
      </Card>
      <WishPublishModal
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublished={() => {
          message.success(t('pages.wishes.published'));
          setPublishing(false);
          result.retry();
        }}
      />
      <WishFulfilModal
        wish={fulfilling}
        onClose={() => setFulfilling(null)}
        onFulfilled={() => {
          message.success(t('pages.wishes.fulfilled'));
          setFulfilling(null);
          result.retry();
        }}
      />
    </PageContainer>
  );
}
