import { Card, Flex, Statistic, Tag } from 'antd';
import type { MeetingRunFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

/** 法定人数: present of required, invited, and whether the quorum is reached. */
export default function QuorumCard({ quorum }: { quorum: MeetingRunFragment['quorum'] }) {
  return (
    <Card title={t('pages.meetingRun.quorum')} data-testid="meeting-quorum">
      <Flex gap={32} wrap>
        <Statistic
          title={t('pages.meetingRun.quorum.present')}
          value={quorum.present}
          suffix={`/ ${quorum.required}`}
          styles={{ content: { color: quorum.reached ? '#389e0d' : '#cf1322' } }}
        />
        <Statistic title={t('pages.meetingRun.quorum.invited')} value={quorum.invited} />
      </Flex>
      <Tag
        color={quorum.reached ? 'green' : 'red'}
        data-testid="meeting-quorum-state"
        data-reached={quorum.reached}
      >
        {quorum.reached ? t('pages.meetingRun.quorum.reached') : t('pages.meetingRun.quorum.notReached')}
      </Tag>
    </Card>
  );
}
