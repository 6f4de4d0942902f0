import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  List,
  Progress,
  Row,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import EmptyState from '../../../../components/EmptyState';
import NotFound from '../../../../components/NotFound';
import Attachments from '../../../../components/Attachments';
import PageContainer from '../../../../components/PageContainer';
import PageLoading from '../../../../components/PageLoading';
import QueryError from '../../../../components/QueryError';
import type { ProjectStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { useAccess } from '../../../../providers/AuthProvider';
import { isNotFound } from '../../../../providers/errorHandler';
import { formatDate, formatDateTime, formatRange, orNone } from '../../../../utils/format';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import ActivityCreateModal from '../../../volunteering/activities/list/components/ActivityCreateModal';
import { projectColor, yuan } from '../../labels';
import ProjectReportModal, { REPORT_FIELDS, type ReportValues } from './components/ProjectReportModal';
import {
  MilestoneCompleteMutation,
  ProjectActivitiesQuery,
  ProjectDetailQuery,
  ProjectReportMutation,
  ProjectUpdateMutation,
} from './queries';

const NEXT: Partial<Record<ProjectStatus, ProjectStatus>> = {
  PLANNED: 'IN_PROGRESS',
  IN_PROGRESS: 'DONE',
  DONE: 'EVALUATED',
};

/** 项目详情: lead and partner units, officer, budget, the milestone timeline, progress reports. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { canHandleNeeds, canReadVolunteering, canManageVolunteering } = useAccess();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProjectDetailQuery, variables: { id } });
  const [activities, reloadActivities] = useQuery({
    query: ProjectActivitiesQuery,
    variables: { project: id },
    pause: !canReadVolunteering,
  });
  const [{ fetching: reporting }, report] = useMutation(ProjectReportMutation);
  const [, complete] = useMutation(MilestoneCompleteMutation);
  const [{ fetching: moving }, update] = useMutation(ProjectUpdateMutation);
  const [reportOpen, setReportOpen] = useState(false);
  const [activityOpen, setActivityOpen] = useState(false);
  const [form] = Form.useForm<ReportValues>();
  const project = data?.node && 'milestones' in data.node ? data.node : null;
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const onReport = async (values: ReportValues) => {
    const result = await report({
      input: {
        project: id,
        note: values.note.trim(),
        spent: values.spent ?? 0,
        photos: (values.photos ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
      },
    });
    if (
      payloadSucceeded(result, result.data?.projectReport, fail, {
        instance: form,
        fields: REPORT_FIELDS,
      })
    ) {
      message.success(t('pages.projects.report.saved'));
      setReportOpen(false);
      form.resetFields();
    }
  };

  const onComplete = async (milestone: string) => {
    const result = await complete({ milestone });
    if (payloadSucceeded(result, result.data?.projectMilestoneComplete, fail))
      message.success(t('pages.projects.milestone.done'));
  };

  const onAdvance = async (status: ProjectStatus) => {
    const result = await update({ input: { project: id, status } });
    if (payloadSucceeded(result, result.data?.projectUpdate, fail))
      message.success(t('pages.projects.statusSaved'));
  };

  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (error && isNotFound(error)) body = <NotFound backTo="/cobuilding/projects" />;
  else if (error && !data)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!project) body = <NotFound backTo="/cobuilding/projects" />;
  else {
    const done = project.milestones.filter((m) => m.doneOn).length;
    const next = NEXT[project.status];
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('pages.projects.overview')}
            extra={
              <Space>
                {canHandleNeeds && next ? (
                  <Button loading={moving} onClick={() => void onAdvance(next)} data-testid="project-advance">
                    {t(`pages.projects.advance.${next}` as 'pages.projects.advance.DONE')}
                  </Button>
                ) : null}
                {project.viewerCanReport ? (
                  <Button
                    type="primary"
                    icon={<EditOutlined />}
                    onClick={() => setReportOpen(true)}
                    data-testid="project-report"
                  >
                    {t('pages.projects.report')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('pages.common.status')}>
                <Tag color={projectColor(project.status, project.isLate)} data-testid="project-detail-status">
                  {project.effectiveStatusLabel}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.common.community')}>
                {project.community.name}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.projects.leadUnit')}>
                {orNone(project.leadUnit?.name)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.projects.partners')}>
                {project.partners.length ? project.partners.map((p) => p.name).join('、') : orNone(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.projects.officer')}>
                {orNone(project.followUpOfficer?.person.name)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.projects.term')}>
                {formatRange(project.startsOn, project.endsOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.projects.budget')} span={2}>
                <Space>
                  <span data-testid="project-spent">
                    {yuan(project.spent)} / {yuan(project.budget)}
                  </span>
                  {project.budget > 0 ? (
                    <Progress
                      percent={Math.min(100, Math.round((project.spent / project.budget) * 100))}
                      size="small"
                      style={{ width: 140 }}
                    />
                  ) : null}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ marginTop: 12 }}>{project.description}</Typography.Paragraph>
          </Card>
          <Card size="small" title={t('pages.projects.updates')} style={{ marginTop: 16 }}>
            {project.updates.length === 0 ? (
              <EmptyState description={t('pages.projects.updates.empty')} />
            ) : (
              <List
                dataSource={project.updates}
                rowKey={(u) => u.createdAt}
                data-testid="project-updates"
                renderItem={(u) => (
                  <List.Item data-testid="project-update">
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Text>{u.note}</Typography.Text>
                      <Typography.Text type="secondary">
                        {formatDateTime(u.createdAt)}
                        {u.spent ? ` · ${t('pages.projects.report.spent')} ${yuan(u.spent)}` : ''}
                      </Typography.Text>
                      <Attachments files={u.photos} testId="project-update-photo" />
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('pages.projects.milestones.progress', { done, total: project.milestones.length })}
          >
            <Steps
              orientation="vertical"
              size="small"
              current={project.milestones.findIndex((m) => !m.doneOn)}
              data-testid="project-milestones"
              items={project.milestones.map((m) => ({
                title: m.title,
                status: m.doneOn ? 'finish' : m.isOverdue ? 'error' : 'wait',
                content: (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text type={m.isOverdue ? 'danger' : 'secondary'}>
                      {m.doneOn
                        ? t('pages.projects.milestone.doneOn', { date: formatDate(m.doneOn) })
                        : t('pages.projects.milestone.dueOn', { date: formatDate(m.dueOn) })}
                    </Typography.Text>
                    {!m.doneOn && project.viewerCanReport ? (
                      <Button
                        size="small"
                        icon={<CheckOutlined />}
                        onClick={() => void onComplete(m.id)}
                        data-testid="milestone-complete"
                      >
                        {t('pages.projects.milestone.complete')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('pages.projects.needs')} style={{ marginTop: 16 }}>
            {project.needs.length === 0 ? (
              <EmptyState />
            ) : (
              <List
                size="small"
                dataSource={project.needs}
                rowKey="id"
                renderItem={(n) => (
                  <List.Item data-testid="project-need">
                    {n.title} <Tag>{n.statusLabel}</Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {project.resources.length > 0 ? (
            <Card size="small" title={t('pages.projects.resources')} style={{ marginTop: 16 }}>
              <List
                size="small"
                dataSource={project.resources}
                rowKey="id"
                renderItem={(r) => (
                  <List.Item data-testid="project-resource">
                    {r.title} <Tag>{r.kindLabel}</Tag>
                    <Typography.Text type="secondary">{r.unit.name}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          {canReadVolunteering ? (
            <Card
              size="small"
              title={t('pages.projects.activities')}
              style={{ marginTop: 16 }}
              extra={
                canManageVolunteering ? (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setActivityOpen(true)}
                    data-testid="project-activity-create"
                  >
                    {t('pages.activities.create')}
                  </Button>
                ) : null
              }
            >
              <List
                size="small"
                loading={activities.fetching}
                dataSource={activities.data?.volunteerActivities.nodes ?? []}
                rowKey="id"
                locale={{ emptyText: <EmptyState /> }}
                renderItem={(a) => (
                  <List.Item data-testid="project-activity">
                    <Link to={`/volunteering/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                    <Typography.Text type="secondary">
                      {formatDateTime(a.startsAt)} · {a.statusLabel}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </Col>
      </Row>
    );
  }

  return (
    <PageContainer
      title={project?.title ?? t('menu.cobuilding.projectDetail')}
      breadcrumb={[
        { title: t('menu.cobuilding') },
        { title: t('menu.cobuilding.projects'), to: '/cobuilding/projects' },
        { title: t('menu.cobuilding.projectDetail') },
      ]}
      testId="project-detail-page"
    >
      {body}
      <ProjectReportModal
        open={reportOpen}
        busy={reporting}
        form={form}
        onCancel={() => setReportOpen(false)}
        onSubmit={(v) => void onReport(v)}
      />
      {project ? (
        <ActivityCreateModal
          open={activityOpen}
          preset={{ community: project.community.id, project: { id: project.id, title: project.title } }}
          onClose={() => setActivityOpen(false)}
          onCreated={() => {
            setActivityOpen(false);
            reloadActivities({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </PageContainer>
  );
}
