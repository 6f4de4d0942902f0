import { useEffect } from 'react';
import BoardColumn from '../../../../components/BoardColumn';
import type { NeedFilter, NeedStatus } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useGrowingConnection } from '../../../../hooks/useGrowingConnection';
import { NeedsBoardQuery } from '../queries';
import NeedCard, { type Need } from './NeedCard';

const PAGE_SIZE = 20;

/** One status column of the needs board. */
export default function NeedColumn({
  status,
  filter,
  refresh,
  onOpen,
}: {
  status: NeedStatus;
  filter: Omit<NeedFilter, 'status'>;
  refresh: number;
  onOpen: (need: Need) => void;
}) {
  const column = useGrowingConnection({
    query: NeedsBoardQuery,
    variables: { filter: { ...filter, status } },
    select: (d) => d.needs,
    pageSize: PAGE_SIZE,
  });
  const { reload } = column;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  return (
    <BoardColumn
      title={ENUM_LABELS.NeedStatus[status]}
      status={status}
      column={column}
      renderCard={(n) => <NeedCard key={n.id} need={n} onOpen={onOpen} />}
      testId="need-column"
    />
  );
}
