// 新建工单 on the customer card: an inquiry, complaint, rescue, accident report or callback for
// this customer (the kind is picked in the dialog; the card's vehicles are offered).
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../src-shared/contract/customers';
import { useWorkflowsHandle } from '../start';

export function NewWorkItemButton({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const handle = useWorkflowsHandle();
  if (!handle) return null;
  return (
    <section className="panel wf-card-panel" data-slot="work-items">
      <h2>{t('app.nav.workOrders')}</h2>
      <button type="button" className="btn btn-small" data-testid="card-new-work-item"
        onClick={() => handle.actions.create.open({ customerId: card.id, customerName: card.name, vehicles: card.vehicles.map((v) => ({ id: v.id, plate: v.plate, model: v.model })), kind: 'inquiry' })}>
        + {t('wf.create.open')}
      </button>
    </section>
  );
}
