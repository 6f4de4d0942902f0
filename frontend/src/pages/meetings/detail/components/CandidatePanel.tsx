import { Button, Flex, InputNumber, Skeleton, Tag, Typography, theme } from 'antd';
import { HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import type { CombinedError } from 'urql';
import EmptyState from '../../../../components/EmptyState';
import QueryError from '../../../../components/QueryError';
import type { AgendaCandidatesQuery } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate } from '../../../../utils/format';
import { AGENDA_SOURCE_COLORS } from '../../labels';
import { INPUT_LIMITS, inRange, rangeMessage } from '../../../../utils/limits';

export type Candidate = AgendaCandidatesQuery['agendaCandidates'][number];

const LIMIT = INPUT_LIMITS.AgendaItemCreateInput.minutesAllotted;
const DRAG_PREFIX = 'candidate:';
/** The drag id of a candidate (agenda items are dragged by their own ids). */
export const candidateDragId = (candidate: Candidate) => `${DRAG_PREFIX}${candidate.candidateKey}`;
export const candidateKeyOf = (dragId: string | number): string | null =>
  String(dragId).startsWith(DRAG_PREFIX) ? String(dragId).slice(DRAG_PREFIX.length) : null;

/**
 * 候选议题: what the next meeting should discuss, each with its reason; 添加 (or dragging one into
 * the agenda) adds it with the minutes chosen at the top.
 */
export default function CandidatePanel({
  candidates,
  loading,
  error,
  onRetry,
  busy,
  minutes,
  onMinutesChange,
  onAdd,
}: {
  candidates: readonly Candidate[];
  loading: boolean;
  error: CombinedError | null;
  onRetry: () => void;
  busy: boolean;
  minutes: number | null;
  onMinutesChange: (minutes: number | null) => void;
  onAdd: (candidate: Candidate) => void;
}) {
  const fits = inRange(LIMIT, minutes);
  return (
    <Flex vertical gap={12} data-testid="agenda-candidates" aria-busy={loading}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pages.meetingDetail.candidates.hint')}
      </Typography.Text>
      <Flex align="center" gap={8} wrap>
        <span>{t('pages.meetingDetail.candidates.minutes')}</span>
        {/* Kept as typed: a figure out of range is named, and adding waits until it fits. */}
        <InputNumber
          value={minutes}
          onChange={(v) => onMinutesChange(typeof v === 'number' ? v : null)}
          status={fits ? undefined : 'error'}
          aria-label={t('pages.meetingDetail.candidates.minutes')}
          style={{ width: 80 }}
          data-testid="candidate-minutes"
        />
        <span>{t('pages.meetingDetail.candidates.minutesUnit')}</span>
        {fits ? null : (
          <Typography.Text type="danger" data-testid="candidate-minutes-error">
            {rangeMessage(LIMIT)}
          </Typography.Text>
        )}
      </Flex>
      {error && candidates.length === 0 ? (
        <QueryError error={error} onRetry={onRetry} compact />
      ) : loading && candidates.length === 0 ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : candidates.length === 0 ? (
        <EmptyState description={t('pages.meetingDetail.candidates.empty')} />
      ) : (
        <Flex
          vertical
          gap={8}
          data-testid="agenda-candidate-list"
          style={{ maxHeight: '70vh', overflowY: 'auto', paddingInlineEnd: 4 }}
        >
          {candidates.map((c) => (
            <CandidateCard key={c.candidateKey} candidate={c} busy={busy || !fits} onAdd={onAdd} />
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function CandidateCard({
  candidate,
  busy,
  onAdd,
}: {
  candidate: Candidate;
  busy: boolean;
  onAdd: (candidate: Candidate) => void;
}) {
  const { token } = theme.useToken();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: candidateDragId(candidate),
    disabled: busy,
  });
  return (
    <div
      ref={setNodeRef}
      data-testid="agenda-candidate"
      data-source={candidate.source}
      data-candidate-key={candidate.candidateKey}
      style={{
        padding: '8px 12px',
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
        opacity: isDragging ? 0.4 : 1,
      }}
    >
      <Flex align="start" gap={8}>
        <Button
          ref={setActivatorNodeRef}
          type="text"
          size="small"
          icon={<HolderOutlined />}
          aria-label={t('pages.meetingDetail.candidates.drag')}
          title={t('pages.meetingDetail.candidates.drag')}
          style={{ cursor: busy ? 'not-allowed' : 'grab', touchAction: 'none' }}
          data-testid="candidate-handle"
          {...attributes}
          {...listeners}
        />
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Tag color={AGENDA_SOURCE_COLORS[candidate.source]} data-testid="candidate-source">
              {candidate.sourceLabel}
            </Tag>
            <Typography.Text strong data-testid="candidate-title">
              {candidate.title}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" data-testid="candidate-reason">
            {candidate.reason}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pages.meetingDetail.candidates.since', { date: formatDate(candidate.since) })}
          </Typography.Text>
        </Flex>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={busy}
          onClick={() => onAdd(candidate)}
          data-testid="candidate-add"
        >
          {t('pages.meetingDetail.candidates.add')}
        </Button>
      </Flex>
    </div>
  );
}

/** What follows the pointer while a candidate is dragged. */
export function CandidateDragPreview({ candidate }: { candidate: Candidate }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        padding: '8px 12px',
        border: `1px solid ${token.colorPrimary}`,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
        boxShadow: token.boxShadowSecondary,
        cursor: 'grabbing',
        maxWidth: 420,
      }}
    >
      <Flex align="center" gap={8}>
        <Tag color={AGENDA_SOURCE_COLORS[candidate.source]}>{candidate.sourceLabel}</Tag>
        <Typography.Text strong ellipsis>
          {candidate.title}
        </Typography.Text>
      </Flex>
    </div>
  );
}
