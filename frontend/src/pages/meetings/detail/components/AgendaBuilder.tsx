import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Card, Col, Row, Space, Typography } from 'antd';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import PageContainer from '../../../../components/PageContainer';
import { t } from '../../../../locales';
import { useAgendaDnd } from '../useAgendaDnd';
import { useAgendaEditor, type Meeting } from '../useAgendaEditor';
import AgendaCard from './AgendaCard';
import AgendaItemEditModal from './AgendaItemEditModal';
import type { AgendaItem } from './AgendaList';
import AgendaVersions from './AgendaVersions';
import CandidatePanel, { CandidateDragPreview } from './CandidatePanel';
import ConflictAlert from './ConflictAlert';
import Invitees from './Invitees';
import ManualItemForm, { type ManualItemFormHandle } from './ManualItemForm';
import { MeetingActions, MeetingTitle } from './MeetingHeader';
import MeetingEditModal from './MeetingEditModal';
import MeetingInfo from './MeetingInfo';
import MeetingOutcomes from './MeetingOutcomes';
import MinutesCard from './MinutesCard';
import PublishButton from './PublishButton';

/** The agenda builder of one meeting: its agenda, the candidates, the versions, the minutes. */
export default function AgendaBuilder({
  fetched,
  refreshing,
  onReload,
  back,
}: {
  fetched: Meeting;
  refreshing: boolean;
  onReload: () => void;
  back: ReactNode;
}) {
  const manualForm = useRef<ManualItemFormHandle>(null);
  const editor = useAgendaEditor(fetched, onReload, manualForm);
  const { meeting, items, candidates, canEdit, mayManage, busy } = editor;
  const [editingItem, setEditingItem] = useState<AgendaItem | null>(null);
  const [editingMeeting, setEditingMeeting] = useState(false);
  const dnd = useAgendaDnd({
    items,
    candidates,
    onMove: (from, to) => void editor.move(from, to),
    onAddCandidate: (candidate, at) => void editor.addCandidate(candidate, at),
  });

  const presenters = useMemo(() => {
    const seen = new Map<string, string>();
    if (meeting.chair) seen.set(meeting.chair.id, meeting.chair.name);
    for (const a of meeting.attendances)
      if (!seen.has(a.person.id))
        seen.set(a.person.id, a.unit ? `${a.person.name}（${a.unit.name}）` : a.person.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [meeting.chair, meeting.attendances]);

  const inviteeCount = meeting.attendances.length;
  const hasMinutes = meeting.status === 'CLOSED' || meeting.status === 'MINUTES_PUBLISHED';

  return (
    <PageContainer
      title={<MeetingTitle meeting={meeting} latestVersion={editor.latestVersion} />}
      breadcrumb={[
        { title: t('menu.meetings') },
        { title: t('menu.meetings.list'), to: '/meetings' },
        { title: meeting.title },
      ]}
      extra={
        <MeetingActions
          meeting={meeting}
          back={back}
          publishButton={
            canEdit ? (
              <PublishButton
                status={meeting.status}
                itemCount={items.length}
                inviteeCount={inviteeCount}
                unpublished={editor.unpublished}
                busy={busy}
                onPublish={editor.publish}
              />
            ) : null
          }
        />
      }
      testId="meeting-detail-page"
    >
      <ConflictAlert conflict={editor.conflict} refreshing={refreshing} onReload={editor.refresh} />
      <MeetingInfo meeting={meeting} onEdit={canEdit ? () => setEditingMeeting(true) : undefined} />
      {editingMeeting ? (
        <MeetingEditModal
          meeting={meeting}
          busy={busy}
          onSave={editor.editMeeting}
          onClose={() => setEditingMeeting(false)}
        />
      ) : null}
      {editingItem ? (
        <AgendaItemEditModal
          item={editingItem}
          presenters={presenters}
          busy={busy}
          onSave={(values, showErrors) => editor.editItem(editingItem, values, showErrors)}
          onClose={() => setEditingItem(null)}
        />
      ) : null}
      {hasMinutes ? (
        <MinutesCard
          meetingId={meeting.id}
          status={meeting.status}
          minutesText={meeting.minutesText ?? null}
          editable={mayManage}
          busy={busy}
          onSave={editor.saveMinutes}
          onPublish={() => void editor.publishMinutes()}
        />
      ) : null}
      {hasMinutes ? <MeetingOutcomes meetingId={meeting.id} /> : null}
      <DndContext {...dnd.context}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <AgendaCard
                meeting={meeting}
                items={items}
                warnings={editor.warnings}
                unpublished={editor.unpublished}
                readOnly={mayManage && !editor.statusEditable}
                editable={canEdit}
                busy={busy}
                highlight={dnd.overAgenda}
                onMove={(from, to) => void editor.move(from, to)}
                onDelete={(item) => void editor.remove(item)}
                onEdit={setEditingItem}
              />
              {canEdit ? (
                <Card title={t('pages.meetingDetail.manual')} data-testid="manual-item-card">
                  <ManualItemForm
                    ref={manualForm}
                    presenters={presenters}
                    busy={busy}
                    onSubmit={editor.addManual}
                  />
                </Card>
              ) : null}
              <Card title={t('pages.meetingDetail.versions')} data-testid="agenda-versions-card">
                <AgendaVersions versions={editor.versions} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {canEdit ? (
                <Card
                  title={t('pages.meetingDetail.candidates')}
                  extra={
                    candidates.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t('pages.common.total', { total: candidates.length })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <CandidatePanel
                    candidates={candidates}
                    loading={editor.candidatesFetching}
                    error={editor.candidatesError}
                    onRetry={editor.refetchCandidates}
                    busy={busy}
                    minutes={editor.candidateMinutes}
                    onMinutesChange={editor.setCandidateMinutes}
                    onAdd={(c) => void editor.addCandidate(c)}
                  />
                </Card>
              ) : null}
              <Card title={t('pages.meetingDetail.invitees', { count: inviteeCount })}>
                <Invitees attendances={meeting.attendances} />
              </Card>
            </Space>
          </Col>
        </Row>
        <DragOverlay dropAnimation={null}>
          {dnd.draggedCandidate ? <CandidateDragPreview candidate={dnd.draggedCandidate} /> : null}
        </DragOverlay>
      </DndContext>
    </PageContainer>
  );
}
