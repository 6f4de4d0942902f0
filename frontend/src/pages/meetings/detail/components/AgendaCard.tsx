import { Alert, Card, Space, Tag } from 'antd';
import EmptyState from '../../../../components/EmptyState';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import AgendaList, { type AgendaItem } from './AgendaList';
import TimeBudget from './TimeBudget';

/** 议程: the time budget and the agenda items (sorted, deleted and dropped into when editable). */
export default function AgendaCard({
  meeting,
  items,
  warnings,
  unpublished,
  readOnly,
  editable,
  busy,
  highlight,
  onMove,
  onDelete,
  onEdit,
}: {
  meeting: MeetingDetailFragment;
  items: readonly AgendaItem[];
  /** the API's warnings from the last change (null: none made since the page was loaded) */
  warnings: readonly string[] | null;
  /** the agenda differs from its latest published version */
  unpublished: boolean;
  /** the viewer manages the meeting but its status no longer allows changing the agenda */
  readOnly: boolean;
  editable: boolean;
  busy: boolean;
  /** a candidate is being dragged over the agenda */
  highlight: boolean;
  onMove: (from: number, to: number) => void;
  onDelete: (item: AgendaItem) => void;
  onEdit: (item: AgendaItem) => void;
}) {
  return (
    <Card
      title={t('pages.meetingDetail.agenda')}
      extra={
        unpublished ? (
          <Tag color="orange" data-testid="agenda-unpublished">
            {t('pages.meetingDetail.agenda.unpublished')}
          </Tag>
        ) : null
      }
      data-testid="agenda-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {readOnly ? (
          <Alert
            type="info"
            showIcon
            title={t('pages.meetingDetail.agenda.readOnly', { status: meeting.statusLabel })}
          />
        ) : null}
        <TimeBudget allotted={meeting.allottedMinutes} length={meeting.lengthMinutes} warnings={warnings} />
        <AgendaList
          items={items}
          editable={editable}
          busy={busy}
          highlight={highlight}
          onMove={onMove}
          onDelete={onDelete}
          onEdit={onEdit}
          empty={<EmptyState description={t('pages.meetingDetail.agenda.empty')} />}
        />
      </Space>
    </Card>
  );
}
