import { Alert, Button, Modal, Typography } from 'antd';
import { t } from '../../../../locales';
import type { CreatedToken } from './TokenCreateModal';

/** The new token's secret, shown this once: the API keeps only its hash. */
export default function TokenSecretModal({
  token,
  onClose,
}: {
  token: CreatedToken | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={token !== null}
      title={t('pages.tokens.secret.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      width={640}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('pages.tokens.secret.done')}
        </Button>
      }
      data-testid="token-secret-modal"
    >
      {token ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('pages.tokens.secret.warning')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph strong>{token.name}</Typography.Paragraph>
          <Typography.Paragraph
            code
            copyable={{ text: token.secret }}
            style={{ wordBreak: 'break-all', fontSize: 14 }}
            data-testid="token-secret"
          >
            {token.secret}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('pages.tokens.secret.usage')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
