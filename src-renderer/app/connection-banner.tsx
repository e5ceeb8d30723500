import { useTranslation } from 'react-i18next';
import { showConnectionBanner } from '../state/connection-slice';
import { useDesk } from './desk-context';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useDesk((s) => s.connection);
  if (!showConnectionBanner(connection)) return null;
  const { status } = connection;
  const text = status.state === 'down'
    ? t('connection.down', { seconds: Math.max(1, Math.round(status.retryInMs / 1000)) })
    : status.state === 'connecting' ? t('connection.reconnecting', { attempt: status.attempt }) : t('connection.closed');
  return <div className="connection-banner" role="alert" data-testid="connection-banner">{text}</div>;
}
