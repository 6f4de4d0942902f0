import { Card, Flex, QRCode, Typography } from 'antd';
import { t } from '../../../../locales';

/** The sign-in link the meeting's QR code carries. */
export function signInUrl(meetingId: string, code: string): string {
  return `${window.location.origin}/meetings/${encodeURIComponent(meetingId)}/sign-in?code=${encodeURIComponent(code)}`;
}

/** 扫码签到: the QR code of the sign-in link, and its code for typing in. */
export default function CheckinQrCard({ meetingId, code }: { meetingId: string; code: string }) {
  return (
    <Card title={t('pages.meetingRun.qr')} data-testid="meeting-qr-card">
      <Flex vertical align="center" gap={8}>
        <QRCode value={signInUrl(meetingId, code)} size={220} data-testid="meeting-qr" />
        <Typography.Text type="secondary">{t('pages.meetingRun.qr.hint')}</Typography.Text>
        <Typography.Text strong data-testid="meeting-checkin-code">
          {t('pages.meetingRun.qr.code', { code })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
