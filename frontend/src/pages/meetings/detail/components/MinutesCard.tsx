import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { FileWordOutlined, FilePdfOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { MeetingStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { MinutesDraftQuery } from '../queries';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

/** Where the API serves a meeting's files (same origin, the session cookie signs the request). */
export const meetingFileUrl = (meetingId: string, file: 'minutes.docx' | 'minutes.pdf' | 'invitation.ics') =>
  `/meetings/${encodeURIComponent(meetingId)}/${file}`;

/** 会议纪要: edit the minutes text, download them (.docx, PDF), publish them. */
export default function MinutesCard({
  meetingId,
  status,
  minutesText,
  editable,
  busy,
  onSave,
  onPublish,
}: {
  meetingId: string;
  status: MeetingStatus;
  minutesText: string | null;
  editable: boolean;
  busy: boolean;
  /** returns the API's field error for the text, if any */
  onSave: (text: string) => Promise<string | null>;
  onPublish: () => void;
}) {
  const [form] = Form.useForm<{ minutesText: string }>();
  const published = status === 'MINUTES_PUBLISHED';
  // An empty minutes box starts from the draft the API builds from the record.
  const wantsDraft = editable && !published && !minutesText;
  const [draftResult] = useQuery({
    query: MinutesDraftQuery,
    variables: { id: meetingId },
    pause: !wantsDraft,
  });
  const node = draftResult.data?.node;
  const draft = wantsDraft && node?.__typename === 'JointMeeting' ? (node.minutesDraft ?? null) : null;
  useEffect(() => {
    form.setFieldsValue({ minutesText: minutesText || draft || '' });
  }, [form, minutesText, draft]);
  return (
    <Card
      title={t('pages.meetingDetail.minutes')}
      data-testid="minutes-card"
      extra={
        <Space wrap>
          <Button
            href={meetingFileUrl(meetingId, 'minutes.docx')}
            download
            icon={<FileWordOutlined />}
            data-testid="minutes-docx"
          >
            {t('pages.meetingDetail.minutes.docx')}
          </Button>
          <Button
            href={meetingFileUrl(meetingId, 'minutes.pdf')}
            target="_blank"
            rel="noreferrer"
            icon={<FilePdfOutlined />}
            data-testid="minutes-pdf"
          >
            {t('pages.meetingDetail.minutes.pdf')}
          </Button>
        </Space>
      }
    >
      {editable && !published ? (
        <Form
          form={form}
          layout="vertical"
          name="minutesUpdate"
          initialValues={{ minutesText: minutesText || draft || '' }}
          onFinish={async ({ minutesText: text }) => {
            const error = await onSave(text);
            if (error) form.setFields([{ name: 'minutesText', errors: [error] }]);
          }}
        >
          {draft ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('pages.meetingDetail.minutes.draft')}
              data-testid="minutes-draft-hint"
            />
          ) : null}
          <Form.Item
            name="minutesText"
            label={t('pages.meetingDetail.minutes.text')}
            rules={[
              { required: true, whitespace: true, message: t('pages.meetingDetail.minutes.required') },
              lengthRule(INPUT_LIMITS.JointMeetingMinutesUpdateInput.minutesText),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 8, maxRows: 24 }}
              count={counter(INPUT_LIMITS.JointMeetingMinutesUpdateInput.minutesText)}
              data-testid="minutes-text"
            />
          </Form.Item>
          <Space wrap>
            <Button htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="minutes-save">
              {t('pages.meetingDetail.minutes.save')}
            </Button>
            <Popconfirm
              title={t('pages.meetingDetail.minutes.publish.confirm')}
              okText={t('pages.common.confirm')}
              cancelText={t('pages.common.cancel')}
              onConfirm={onPublish}
            >
              <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="minutes-publish">
                {t('pages.meetingDetail.minutes.publish')}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-view">
          {minutesText || t('pages.meetingDetail.minutes.empty')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
