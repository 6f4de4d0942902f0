import { Flex, Tag, Timeline, Typography } from 'antd';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import EmptyState from '../../../../components/EmptyState';
import { t } from '../../../../locales';
import { formatDateTime } from '../../../../utils/format';

type Version = MeetingDetailFragment['agendaVersions'][number];

/** The published agenda versions, newest first, each with what changed since the one before. */
export default function AgendaVersions({ versions }: { versions: readonly Version[] }) {
  if (versions.length === 0) return <EmptyState description={t('pages.meetingDetail.versions.empty')} />;
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div data-testid="agenda-versions">
      <Timeline
        items={newestFirst.map((v, i) => ({
          key: v.number,
          color: i === 0 ? 'blue' : 'gray',
          content: (
            <div data-testid="agenda-version" data-number={v.number}>
              <Flex gap={8} align="center" wrap>
                <Tag color={i === 0 ? 'blue' : undefined}>
                  {t('pages.meetingDetail.versions.item', { number: v.number })}
                </Tag>
                <Typography.Text type="secondary">{formatDateTime(v.publishedAt)}</Typography.Text>
              </Flex>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {v.changes.map((change, j) => (
                  <li key={j}>{change}</li>
                ))}
              </ul>
            </div>
          ),
        }))}
      />
    </div>
  );
}
