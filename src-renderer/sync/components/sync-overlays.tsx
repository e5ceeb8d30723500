import { useSync } from '../start';
import { ConflictInbox } from './conflict-inbox';
import { ConnectDialog } from './connect-dialog';

export function SyncOverlays() {
  const dialog = useSync((s) => s.dialog);
  if (dialog === 'connect') return <ConnectDialog />;
  if (dialog === 'inbox') return <ConflictInbox />;
  return null;
}
