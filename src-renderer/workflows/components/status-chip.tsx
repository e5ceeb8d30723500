import { useTranslation } from 'react-i18next';
import { codeLabel } from './labels';

export function StatusChip({ status, open }: { status: string; open: boolean }) {
  const { t } = useTranslation();
  return <span className={`wf-status${open ? '' : ' is-closed'}`} data-testid="status-chip" data-status={status}>{codeLabel(t, 'status', status)}</span>;
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <span className={`wf-kind wf-kind-${kind}`}>{codeLabel(t, 'kind', kind)}</span>;
}
