import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { t } from '../locales';

/** A dialog around one form: its submit button, and the errors no form item took. */
export default function FormModal({
  open,
  title,
  okText,
  busy,
  error,
  onOk,
  onCancel,
  width = 640,
  testId,
  children,
}: {
  open: boolean;
  title: ReactNode;
  okText: string;
  busy: boolean;
  error?: string | null;
  onOk: () => void;
  onCancel: () => void;
  width?: number;
  /** `<testId>` on the dialog, `<testId>-ok` on its submit button, `<testId>-error` on the alert */
  testId: string;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('pages.common.cancel')}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onCancel}
      width={width}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-ok` }}
      data-testid={testId}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid={`${testId}-error`}
        />
      ) : null}
      {children}
    </Modal>
  );
}
