import { useTranslation } from 'react-i18next';
import type { DrillTarget } from '../state/supervisor-store';
import { useSvActions } from '../start';

export const percent = (v: number | null) => (v === null ? null : `${Math.round(v * 1000) / 10}%`);

/** A figure that drills down to its records; `target` colours it against the seed's target. */
export function KpiTile({ id, label, value, drill, target, note, lowerIsBetter }: { id: string; label: string; value: number | string | null; drill?: DrillTarget; target?: number; note?: string; lowerIsBetter?: boolean }) {
  const { t } = useTranslation();
  const actions = useSvActions();
  const numeric = typeof value === 'string' && value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : null;
  const tone = target === undefined || numeric === null ? '' : (lowerIsBetter ? numeric <= target : numeric >= target) ? ' is-good' : ' is-bad';
  const shown = value === null ? t('sv.none') : value;
  const body = (
    <>
      <span className="sv-kpi-value">{shown}</span>
      <span className="sv-kpi-label">{label}</span>
      {target !== undefined || note ? <span className="sv-kpi-note">{[target !== undefined ? t('sv.target', { value: percent(target) }) : null, note].filter(Boolean).join(' · ')}</span> : null}
    </>
  );
  return drill ? (
    <button type="button" className={`sv-kpi${tone}`} data-testid={`sv-kpi-${id}`} data-value={shown} onClick={() => void actions.drill(drill)}>{body}</button>
  ) : (
    <div className={`sv-kpi${tone}`} data-testid={`sv-kpi-${id}`} data-value={shown}>{body}</div>
  );
}
