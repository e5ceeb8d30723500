import { formatPlate, normalizePlate } from '../../src-shared/domain/plate';

/** Blue plates for ordinary cars; green for new-energy plates (6 characters after the province letter). */
export function PlateBadge({ plate, size = 'normal', emptyLabel }: { plate: string | null; size?: 'small' | 'normal'; emptyLabel?: string }) {
  if (!plate) return <span className={`plate plate-none plate-${size}`}>{emptyLabel ?? '—'}</span>;
  const parsed = normalizePlate(plate);
  const newEnergy = parsed !== null && parsed.province !== null && parsed.local.length === 7;
  return (
    <span className={`plate plate-${size} ${newEnergy ? 'plate-green' : 'plate-blue'}`} data-testid="plate-badge">
      {formatPlate(plate)}
    </span>
  );
}
