import { useState } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { t } from '../../../locales';
import { AGENDA_DROP_ID, type AgendaItem } from './components/AgendaList';
import { candidateKeyOf, type Candidate } from './components/CandidatePanel';

/**
 * Drag and drop of the agenda builder: agenda items are sorted among themselves; candidates are
 * dropped into the agenda (at its end, or in the place of the item they are dropped on).
 */
export function useAgendaDnd({
  items,
  candidates,
  onMove,
  onAddCandidate,
}: {
  items: readonly AgendaItem[];
  candidates: readonly Candidate[];
  onMove: (from: number, to: number) => void;
  onAddCandidate: (candidate: Candidate, at?: number) => void;
}) {
  const [dragging, setDragging] = useState<UniqueIdentifier | null>(null);
  const [overAgenda, setOverAgenda] = useState(false);
  const itemIds = items.map((i) => i.id);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const collisionDetection: CollisionDetection = (args) => {
    if (candidateKeyOf(args.active.id)) {
      const hits = pointerWithin(args);
      const onItem = hits.find((h) => h.id !== AGENDA_DROP_ID);
      return onItem ? [onItem] : hits;
    }
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => c.id !== AGENDA_DROP_ID),
    });
  };
  const titleOf = (dragId: UniqueIdentifier | undefined | null): string => {
    if (dragId === undefined || dragId === null) return '';
    if (dragId === AGENDA_DROP_ID) return t('pages.meetingDetail.agenda');
    const key = candidateKeyOf(dragId);
    if (key) return candidates.find((c) => c.candidateKey === key)?.title ?? '';
    return items.find((i) => i.id === dragId)?.title ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pages.meetingDetail.dnd.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? over.id === AGENDA_DROP_ID
          ? t('pages.meetingDetail.dnd.overAgenda', { title: titleOf(active.id) })
          : t('pages.meetingDetail.dnd.over', { title: titleOf(active.id), target: titleOf(over.id) })
        : undefined,
    onDragEnd: ({ active }) => t('pages.meetingDetail.dnd.end', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('pages.meetingDetail.dnd.cancel', { title: titleOf(active.id) }),
  };
  const onDragStart = ({ active }: DragStartEvent) => setDragging(active.id);
  const onDragOver = ({ active, over }: DragOverEvent) =>
    setOverAgenda(
      Boolean(candidateKeyOf(active.id)) &&
        over !== null &&
        (over.id === AGENDA_DROP_ID || itemIds.includes(String(over.id))),
    );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    setOverAgenda(false);
    if (!over) return;
    const key = candidateKeyOf(active.id);
    if (key) {
      const candidate = candidates.find((c) => c.candidateKey === key);
      if (!candidate) return;
      const at = itemIds.indexOf(String(over.id));
      if (over.id === AGENDA_DROP_ID) onAddCandidate(candidate);
      else if (at >= 0) onAddCandidate(candidate, at);
      return;
    }
    const from = itemIds.indexOf(String(active.id));
    const to = itemIds.indexOf(String(over.id));
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  const onDragCancel = () => {
    setDragging(null);
    setOverAgenda(false);
  };
  const draggedCandidate = dragging
    ? candidates.find((c) => c.candidateKey === candidateKeyOf(dragging))
    : undefined;

  return {
    /** the props of the DndContext */
    context: {
      sensors,
      collisionDetection,
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel,
      accessibility: {
        announcements,
        screenReaderInstructions: { draggable: t('pages.meetingDetail.dnd.instructions') },
      },
    },
    /** a candidate is being dragged over the agenda */
    overAgenda,
    draggedCandidate,
  };
}
