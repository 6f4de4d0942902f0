import type { ReactNode } from 'react';
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography, theme } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { AGENDA_SOURCE_COLORS } from '../../labels';

export type AgendaItem = MeetingDetailFragment['agendaItems'][number];

/** The droppable agenda (candidates dropped here are added at the end). */
export const AGENDA_DROP_ID = 'agenda';

/**
 * The agenda items in order. When `editable`, each can be dragged by its handle (or moved with the
 * arrow buttons, or with the keyboard on the handle) and deleted; candidates may be dropped in.
 */
export default function AgendaList({
  items,
  editable,
  busy,
  highlight,
  onMove,
  onDelete,
  onEdit,
  empty,
}: {
  items: readonly AgendaItem[];
  editable: boolean;
  busy: boolean;
  /** a candidate is being dragged over the agenda */
  highlight: boolean;
  onMove: (from: number, to: number) => void;
  onDelete: (item: AgendaItem) => void;
  onEdit: (item: AgendaItem) => void;
  empty: ReactNode;
}) {
  const { token } = theme.useToken();
  const { setNodeRef } = useDroppable({ id: AGENDA_DROP_ID, disabled: !editable });
  return (
    <div
      ref={setNodeRef}
      data-testid="agenda-list"
      style={{
        minHeight: 80,
        padding: 8,
        borderRadius: token.borderRadiusLG,
        border: `1px dashed ${highlight ? token.colorPrimary : 'transparent'}`,
        background: highlight ? token.colorPrimaryBg : undefined,
        transition: 'background 0.2s, border-color 0.2s',
      }}
    >
      {items.length === 0 ? (
        empty
      ) : (
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <Flex vertical gap={8}>
            {items.map((item, index) => (
              <SortableAgendaItem
                key={item.id}
                item={item}
                index={index}
                count={items.length}
                editable={editable}
                busy={busy}
                onMove={onMove}
                onDelete={onDelete}
                onEdit={onEdit}
              />
            ))}
          </Flex>
        </SortableContext>
      )}
      {editable && items.length > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('pages.meetingDetail.agenda.dropHint')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function SortableAgendaItem({
  item,
  index,
  count,
  editable,
  busy,
  onMove,
  onDelete,
  onEdit,
}: {
  item: AgendaItem;
  index: number;
  count: number;
  editable: boolean;
  busy: boolean;
  onMove: (from: number, to: number) => void;
  onDelete: (item: AgendaItem) => void;
  onEdit: (item: AgendaItem) => void;
}) {
  const { token } = theme.useToken();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.id, disabled: !editable || busy });
  return (
    <div
      ref={setNodeRef}
      data-testid="agenda-item"
      data-item-id={item.id}
      data-source={item.source}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
        opacity: isDragging ? 0.85 : 1,
        padding: '8px 12px',
        background: token.colorBgContainer,
        border: `1px solid ${isDragging ? token.colorPrimary : token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        boxShadow: isDragging ? token.boxShadowSecondary : undefined,
      }}
    >
      <Flex align="center" gap={8}>
        {editable ? (
          <Button
            ref={setActivatorNodeRef}
            type="text"
            size="small"
            icon={<HolderOutlined />}
            aria-label={t('pages.meetingDetail.agenda.dragHandle')}
            title={t('pages.meetingDetail.agenda.dragHandle')}
            style={{ cursor: busy ? 'not-allowed' : 'grab', touchAction: 'none' }}
            data-testid="agenda-item-handle"
            {...attributes}
            {...listeners}
          />
        ) : null}
        <Typography.Text type="secondary" style={{ minWidth: 20 }} data-testid="agenda-item-position">
          {index + 1}.
        </Typography.Text>
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis data-testid="agenda-item-title">
            {item.title}
          </Typography.Text>
          {item.description || item.presenter ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {[
                item.presenter
                  ? t('pages.meetingDetail.agenda.presenter', { name: item.presenter.name })
                  : null,
                item.description,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
        <Tag color={AGENDA_SOURCE_COLORS[item.source]} data-testid="agenda-item-source">
          {item.sourceLabel}
        </Tag>
        <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid="agenda-item-minutes">
          {t('pages.meetingDetail.agenda.minutes', { minutes: item.minutesAllotted })}
        </Typography.Text>
        {editable ? (
          <Flex gap={0}>
            <Tooltip title={t('pages.meetingDetail.agenda.moveUp')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={t('pages.meetingDetail.agenda.moveUp')}
                disabled={busy || index === 0}
                onClick={() => onMove(index, index - 1)}
                data-testid="agenda-item-up"
              />
            </Tooltip>
            <Tooltip title={t('pages.meetingDetail.agenda.moveDown')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={t('pages.meetingDetail.agenda.moveDown')}
                disabled={busy || index === count - 1}
                onClick={() => onMove(index, index + 1)}
                data-testid="agenda-item-down"
              />
            </Tooltip>
            <Tooltip title={t('pages.meetingDetail.agenda.edit')}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('pages.meetingDetail.agenda.edit')}
                disabled={busy}
                onClick={() => onEdit(item)}
                data-testid="agenda-item-edit"
              />
            </Tooltip>
            <Popconfirm
              title={t('pages.meetingDetail.agenda.delete.confirm', { title: item.title })}
              okText={t('pages.meetingDetail.agenda.delete')}
              cancelText={t('pages.common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(item)}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('pages.meetingDetail.agenda.delete')}
                disabled={busy}
                data-testid="agenda-item-delete"
              />
            </Popconfirm>
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
