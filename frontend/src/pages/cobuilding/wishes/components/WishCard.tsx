import type { ReactNode } from 'react';
import { Button, Card, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, GiftOutlined, HeartOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { WishCardFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate } from '../../../../utils/format';
import { WISH_STATUS_COLORS } from './labels';

export type Wish = WishCardFragment;

interface Props {
  wish: Wish;
  /** the signed-in user claims for the unit they are liaison of */
  forUnit: boolean;
  /** community staff: may confirm fulfilled wishes */
  staff: boolean;
  busy: boolean;
  onClaim: (wish: Wish) => void;
  onFulfil: (wish: Wish) => void;
  onConfirm: (wish: Wish) => void;
}

function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={testId}>
      {label}：<Typography.Text style={{ fontSize: 13 }}>{children}</Typography.Text>
    </Typography.Text>
  );
}

/** One wish on the wall: what the resident wishes for, who claimed it, and what can be done next. */
export default function WishCard({ wish, forUnit, staff, busy, onClaim, onFulfil, onConfirm }: Props) {
  const claimant = wish.claimedByUnit
    ? t('pages.wishes.claimant.unit', { name: wish.claimedByUnit.name })
    : wish.claimedByPerson?.name;
  const place = [wish.community.name, wish.grid?.name].filter(Boolean).join(' · ');

  const actions: ReactNode[] = [];
  if (wish.status === 'PUBLISHED')
    actions.push(
      <Popconfirm
        key="claim"
        title={t(forUnit ? 'pages.wishes.claim.forUnit' : 'pages.wishes.claim.confirm', {
          title: wish.title,
        })}
        okText={t('pages.wishes.claim')}
        cancelText={t('pages.common.cancel')}
        onConfirm={() => onClaim(wish)}
        okButtonProps={{ 'data-testid': 'wish-claim-ok' }}
      >
        <Button type="primary" icon={<HeartOutlined />} loading={busy} data-testid="wish-claim">
          {t('pages.wishes.claim')}
        </Button>
      </Popconfirm>,
    );
  if (wish.status === 'CLAIMED')
    actions.push(
      <Button key="fulfil" icon={<GiftOutlined />} onClick={() => onFulfil(wish)} data-testid="wish-fulfil">
        {t('pages.wishes.fulfil')}
      </Button>,
    );
  if (wish.status === 'FULFILLED' && staff)
    actions.push(
      <Popconfirm
        key="confirm"
        title={t('pages.wishes.confirm.confirm', { title: wish.title })}
        okText={t('pages.wishes.confirm')}
        cancelText={t('pages.common.cancel')}
        onConfirm={() => onConfirm(wish)}
        okButtonProps={{ 'data-testid': 'wish-confirm-ok' }}
      >
        <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} data-testid="wish-confirm">
          {t('pages.wishes.confirm')}
        </Button>
      </Popconfirm>,
    );

  return (
    <Card
      size="small"
      title={
        <Typography.Text strong ellipsis={{ tooltip: wish.title }} data-testid="wish-title">
          {wish.title}
        </Typography.Text>
      }
      extra={
        <Tag color={WISH_STATUS_COLORS[wish.status]} data-testid="wish-status" style={{ marginInlineEnd: 0 }}>
          {wish.statusLabel}
        </Tag>
      }
      actions={actions.length > 0 ? actions : undefined}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1 } }}
      data-testid="wish-card"
      data-id={wish.id}
      data-title={wish.title}
      data-status={wish.status}
    >
      <Flex vertical gap={6}>
        <Typography.Paragraph
          ellipsis={{ rows: 3, tooltip: wish.description }}
          style={{ marginBottom: 4 }}
          data-testid="wish-description"
        >
          {wish.description}
        </Typography.Paragraph>
        <Line label={t('pages.wishes.beneficiary')} testId="wish-beneficiary">
          {wish.beneficiaryName}
        </Line>
        <Line label={t('pages.wishes.place')}>{place}</Line>
        <Line label={t('pages.wishes.publishedAt')}>{formatDate(wish.publishedAt)}</Line>
        {claimant ? (
          <Line label={t('pages.wishes.claimant')} testId="wish-claimant">
            {claimant}
          </Line>
        ) : null}
        {wish.fulfilmentNote ? (
          <Line label={t('pages.wishes.fulfilmentNote')} testId="wish-note">
            {wish.fulfilmentNote}
          </Line>
        ) : null}
        {wish.evidence.length > 0 ? (
          <Space size={[8, 4]} wrap data-testid="wish-evidence">
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('pages.wishes.evidence')}：
            </Typography.Text>
            {wish.evidence.map((file) => (
              <Typography.Link
                key={file.url}
                href={file.url}
                target="_blank"
                rel="noreferrer"
                style={{ fontSize: 13 }}
              >
                <PaperClipOutlined /> {file.filename}
              </Typography.Link>
            ))}
          </Space>
        ) : null}
      </Flex>
    </Card>
  );
}
