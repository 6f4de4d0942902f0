import { useMemo } from 'react';
import { Badge, Calendar, Flex, Spin, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import type { CombinedError } from 'urql';
import QueryError from '../../../../components/QueryError';
import type { MeetingListRowFragment, MeetingStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

const BADGE_STATUS: Record<MeetingStatus, 'default' | 'processing' | 'success' | 'warning'> = {
  DRAFT: 'default',
  PUBLISHED: 'processing',
  IN_SESSION: 'warning',
  CLOSED: 'success',
  MINUTES_PUBLISHED: 'success',
};

/** The month calendar of the 联席会议 page: each meeting on its day, linking to its page. */
export default function MeetingCalendar({
  meetings,
  loading,
  error,
  onRetry,
  value,
  onChange,
}: {
  meetings: readonly MeetingListRowFragment[];
  loading: boolean;
  error: CombinedError | null;
  onRetry: () => void;
  /** the selected day (its month is shown) */
  value: Dayjs;
  onChange: (day: Dayjs) => void;
}) {
  // Meetings by local day (YYYY-MM-DD) and by month (YYYY-MM), earliest first.
  const { byDay, byMonth } = useMemo(() => {
    const days = new Map<string, MeetingListRowFragment[]>();
    const months = new Map<string, number>();
    const sorted = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const m of sorted) {
      const start = dayjs(m.startsAt);
      const day = start.format('YYYY-MM-DD');
      days.set(day, [...(days.get(day) ?? []), m]);
      const key = start.format('YYYY-MM');
      months.set(key, (months.get(key) ?? 0) + 1);
    }
    return { byDay: days, byMonth: months };
  }, [meetings]);

  if (error && meetings.length === 0) return <QueryError error={error} onRetry={onRetry} />;

  const inMonth = byMonth.get(value.format('YYYY-MM')) ?? 0;
  return (
    <div data-testid="meetings-calendar" aria-busy={loading}>
      <Spin spinning={loading}>
        <Typography.Text type="secondary" data-testid="meetings-calendar-count">
          {inMonth > 0
            ? t('pages.meetings.calendar.count', { count: inMonth })
            : t('pages.meetings.calendar.none')}
        </Typography.Text>
        <Calendar
          value={value}
          onPanelChange={(date) => onChange(date)}
          onSelect={(date) => onChange(date)}
          cellRender={(current, info) => {
            if (info.type === 'month') {
              const count = byMonth.get(current.format('YYYY-MM'));
              return count ? (
                <Badge status="processing" text={t('pages.meetings.calendar.monthCount', { count })} />
              ) : null;
            }
            if (info.type !== 'date') return info.originNode;
            const list = byDay.get(current.format('YYYY-MM-DD'));
            if (!list) return null;
            return (
              <Flex vertical gap={2} data-date={current.format('YYYY-MM-DD')}>
                {list.map((m) => (
                  <Tooltip
                    key={m.id}
                    title={`${dayjs(m.startsAt).format('HH:mm')}–${dayjs(m.endsAt).format('HH:mm')} ${m.title}（${m.venue}，${m.statusLabel}）`}
                  >
                    <Link
                      to={`/meetings/${encodeURIComponent(m.id)}`}
                      data-testid="calendar-meeting"
                      onClick={(e) => e.stopPropagation()}
                      style={{
                        display: 'block',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                      }}
                    >
                      <Badge status={BADGE_STATUS[m.status]} />
                      {` ${dayjs(m.startsAt).format('HH:mm')} ${m.title}`}
                    </Link>
                  </Tooltip>
                ))}
              </Flex>
            );
          }}
        />
      </Spin>
    </div>
  );
}
