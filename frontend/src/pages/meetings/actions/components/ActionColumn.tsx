import { useEffect } from 'react';
import BoardColumn from '../../../../components/BoardColumn';
import type { ActionItemFilter, ActionItemStatus } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useGrowingConnection } from '../../../../hooks/useGrowingConnection';
import { ActionItemsBoardQuery } from '../queries';
import ActionCard, { type ActionItem } from './ActionCard';

const PAGE_SIZE = 20;

/** One status column of the action board. */
export default function ActionColumn({
  status,
  filter,
  refresh,
  onOpen,
}: {
  status: ActionItemStatus;
  filter: Omit<ActionItemFilter, 'status'>;
  /** bumped by the board after a change, to read the column again */
  refresh: number;
  onOpen: (item: ActionItem) => void;
}) {
  const column = useGrowingConnection({
    query: ActionItemsBoardQuery,
    variables: { filter: { ...filter, status } },
    select: (d) => d.actionItems,
    pageSize: PAGE_SIZE,
  });
  const { reload } = column;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  return (
    <BoardColumn
      title={ENUM_LABELS.ActionItemStatus[status]}
      status={status}
      column={column}
      renderCard={(i) => <ActionCard key={i.id} item={i} onOpen={onOpen} />}
      testId="action-column"
    />
  );
}
