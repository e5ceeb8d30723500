import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard as Card } from '../../src-shared/contract/customers';
import { useActions, useDesk } from '../app/desk-context';
import { focusSearch } from '../app/focus';
import { errorText } from '../i18n';
import { CardHeader } from './card-header';
import { CustomerEditForm } from './customer-edit-form';
import { DueList } from './due-list';
import { useCardPainted } from './use-card-painted';
import { VehiclePanel } from './vehicle-panel';
import { NewWorkItemButton } from '../workflows/components/new-work-item-button';
import { KbCardPanel } from '../knowledge/components/kb-card-panel';

export function CardPane() {
  const { t } = useTranslation();
  const state = useDesk((s) => s.card);
  if (state.status === 'closed') {
    return (
      <section className="card-pane card-empty">
        <div className="empty-message">{t('card.empty')}</div>
        <div className="muted">{t('card.emptyHint')}</div>
      </section>
    );
  }
  if (state.status === 'error') {
    return <section className="card-pane card-empty is-error" data-testid="card-error">{t('card.failed', { reason: errorText(t, state.error) })}</section>;
  }
  if (!state.card) {
    return <section className="card-pane card-empty" data-testid="card-loading"><span className="search-spinner" /> {t('card.loading')}</section>;
  }
  return <CustomerCardView card={state.card} vehicleId={state.vehicleId} />;
}

function CustomerCardView({ card, vehicleId }: { card: Card; vehicleId: number | null }) {
  const { t } = useTranslation();
  const actions = useActions();
  useCardPainted(card);
  const custom = Object.entries(card.customFields);
  const [editing, setEditing] = useState(false);
  return (
    <section className="card-pane" data-testid="customer-card" data-customer-id={card.id}>
      <CardHeader card={card} onClose={() => { actions.card.closeCard(); focusSearch(false); }} />
      {editing ? (
        <CustomerEditForm key={card.id} card={card} vehicleId={vehicleId} onDone={() => setEditing(false)} />
      ) : (
        <div className="card-edit-bar"><button type="button" className="btn btn-small" data-testid="edit-customer" onClick={() => setEditing(true)}>{t('cardEdit.open')}</button></div>
      )}
      <div className="card-body">
        <div className="card-main">
          <VehiclePanel card={card} vehicleId={vehicleId} />
        </div>
        <aside className="card-side">
          <DueList card={card} />
          <NewWorkItemButton card={card} />
          {custom.length > 0 ? (
            <section className="panel">
              <h2>{t('card.customFields')}</h2>
              <dl className="custom-fields">
                {custom.map(([key, value]) => <div key={key} className="fact"><dt>{key}</dt><dd>{value}</dd></div>)}
              </dl>
            </section>
          ) : null}
          <KbCardPanel />
        </aside>
      </div>
    </section>
  );
}
