import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Form, Image, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import type { DispatchInboxQuery } from '../../../graphql/graphql';
import { PAGE_SIZE_OPTIONS } from '../../../hooks/useCursorPagination';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatDateTime } from '../../../utils/format';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../utils/limits';
import { URGENCY_COLORS } from '../labels';
import { DispatchRespondMutation, InboxQuery } from './queries';

type Dispatch = DispatchInboxQuery['needDispatches']['edges'][number]['node'];
type Answer = { dispatch: Dispatch; accept: boolean };
const LIMITS = INPUT_LIMITS.NeedDispatchRespondInput;

/** 接单 (单位接单): the needs the community sent to the liaison's unit, to accept or decline. */
export default function InboxPage() {
  const { message } = App.useApp();
  const list = useListParams([] as const);
  const result = usePagedConnection({
    query: InboxQuery,
    variables: useMemo(() => ({}), []),
    select: (d) => d.needDispatches,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [form] = Form.useForm<{ projectTitle?: string; reason?: string }>();
  const [{ fetching }, respond] = useMutation(DispatchRespondMutation);

  const onFinish = async (values: { projectTitle?: string; reason?: string }) => {
    if (!answer) return;
    const outcome = await respond({
      input: {
        dispatch: answer.dispatch.id,
        accept: answer.accept,
        reason: values.reason?.trim() || null,
        projectTitle: values.projectTitle?.trim() || null,
      },
    });
    const payload = outcome.data?.needDispatchRespond;
    const notify = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);
    if (
      payloadSucceeded(outcome, payload, notify, {
        instance: form,
        fields: ['reason', 'projectTitle'],
      })
    ) {
      message.success(t(answer.accept ? 'pages.inbox.accepted' : 'pages.inbox.declined'));
      setAnswer(null);
      result.retry();
    }
  };

  let body;
  if (result.loading && !result.hasData) body = <PageLoading rows={5} />;
  else if (result.error && !result.hasData) body = <QueryError error={result.error} onRetry={result.retry} />;
  else
    body = (
      <List
        dataSource={result.rows}
        rowKey="id"
        loading={result.loading}
        locale={{ emptyText: <EmptyState description={t('pages.inbox.empty')} /> }}
        pagination={
          result.total > result.pageSize
            ? {
                current: list.page,
                pageSize: result.pageSize,
                total: result.total,
                pageSizeOptions: PAGE_SIZE_OPTIONS,
                onChange: list.setPage,
              }
            : false
        }
        data-testid="inbox"
        renderItem={(d) => (
          <List.Item data-testid="inbox-dispatch" data-title={d.need.title}>
            <Flex vertical gap={8} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Space wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {d.need.title}
                  </Typography.Text>
                  <Tag>{d.need.category}</Tag>
                  <Tag color={URGENCY_COLORS[d.need.urgency]}>{d.need.urgencyLabel}</Tag>
                </Space>
                <Space>
                  <Button
                    type="primary"
                    size="large"
                    icon={<CheckOutlined />}
                    onClick={() => {
                      form.setFieldsValue({ projectTitle: d.need.title });
                      setAnswer({ dispatch: d, accept: true });
                    }}
                    data-testid="inbox-accept"
                  >
                    {t('pages.inbox.accept')}
                  </Button>
                  <Button
                    size="large"
                    danger
                    icon={<CloseOutlined />}
                    onClick={() => setAnswer({ dispatch: d, accept: false })}
                    data-testid="inbox-decline"
                  >
                    {t('pages.inbox.decline')}
                  </Button>
                </Space>
              </Flex>
              <Typography.Text>{d.need.description}</Typography.Text>
              <Typography.Text type="secondary">
                {[d.need.community.name, d.need.grid?.name, formatDateTime(d.createdAt), d.resource?.title]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {d.note ? (
                <Typography.Text type="secondary">{t('pages.inbox.note', { note: d.note })}</Typography.Text>
              ) : null}
              {d.need.photos.length > 0 ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {d.need.photos.map((p) => (
                      <Image
                        key={p.url}
                        src={p.url}
                        alt={p.filename}
                        width={72}
                        height={72}
                        style={{ objectFit: 'cover' }}
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    );

  const title = answer?.dispatch.need.title ?? '';
  return (
    <PageContainer
      title={t('pages.inbox.title')}
      breadcrumb={[{ title: t('menu.cobuilding') }, { title: t('menu.cobuilding.inbox') }]}
      testId="inbox-page"
    >
      <Card>{body}</Card>
      <Modal
        open={answer !== null}
        title={
          answer?.accept
            ? t('pages.inbox.accept.title', { title })
            : t('pages.inbox.decline.title', { title })
        }
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={fetching}
        onCancel={() => setAnswer(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'inbox-confirm' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
          {answer?.accept && answer.dispatch.project ? (
            <Typography.Paragraph data-testid="inbox-joins">
              {t('pages.inbox.accept.joins', { project: answer.dispatch.project.title })}
            </Typography.Paragraph>
          ) : answer?.accept ? (
            <Form.Item
              name="projectTitle"
              label={t('pages.inbox.accept.projectTitle')}
              rules={[lengthRule(LIMITS.projectTitle)]}
            >
              <Input count={counter(LIMITS.projectTitle)} data-testid="inbox-project-title" />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label={t('pages.inbox.decline.reason')}
              rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.reason)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3 }}
                count={counter(LIMITS.reason)}
                data-testid="inbox-decline-reason"
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}
