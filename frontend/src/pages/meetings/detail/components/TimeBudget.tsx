import { Alert, Flex, Progress, Typography } from 'antd';
import { t } from '../../../../locales';

/**
 * The time budget: minutes given to the agenda items against the length of the meeting, red when
 * over. `warnings` are the API's from the last change; before any change the overrun is worked out here.
 */
export default function TimeBudget({
  allotted,
  length,
  warnings,
}: {
  allotted: number;
  length: number;
  warnings: readonly string[] | null;
}) {
  const over = allotted > length;
  const percent = length > 0 ? Math.round((allotted / length) * 100) : 0;
  const shown =
    warnings ??
    (over ? [t('pages.meetingDetail.budget.over', { allotted, length, over: allotted - length })] : []);
  return (
    <div data-testid="time-budget" data-over={over ? 'true' : 'false'}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong>{t('pages.meetingDetail.budget')}</Typography.Text>
        <Typography.Text type={over ? 'danger' : 'secondary'} data-testid="time-budget-text">
          {t('pages.meetingDetail.budget.text', { allotted, length })}
        </Typography.Text>
      </Flex>
      <Progress
        percent={Math.min(percent, 100)}
        status={over ? 'exception' : percent === 100 ? 'success' : 'normal'}
        strokeColor={over ? '#cf1322' : undefined}
        format={() => `${percent}%`}
        aria-label={t('pages.meetingDetail.budget')}
      />
      {shown.map((warning) => (
        <Alert key={warning} type="warning" showIcon title={warning} data-testid="time-budget-warning" />
      ))}
    </div>
  );
}
