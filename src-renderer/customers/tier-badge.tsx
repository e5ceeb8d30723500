import { useTranslation } from 'react-i18next';
import { tierTone } from './format';

export function TierBadge({ tier, hideWhenNone = false }: { tier: string | null; hideWhenNone?: boolean }) {
  const { t } = useTranslation();
  if (!tier && hideWhenNone) return null;
  return <span className={`tier tier-${tierTone(tier)}`} data-testid="tier-badge">{tier ?? t('card.tierNone')}</span>;
}
