// Screen-pop: INVITE → caller id → local lookup → the customer card on screen before the agent
// answers. One match opens the card on the most likely vehicle (why-calling.ts); several open
// a chooser; none opens the quick-create form with the number filled in (the ringing panel
// renders those two from the call's customerIds).
import type { ContractClient } from '../../src-shared/contract/client';
import type { CustomerCard } from '../../src-shared/contract/customers';
import { todayIn } from '../../src-shared/domain/dates';
import { whyCalling, type WhyCallingInput } from '../../src-shared/domain/softphone/why-calling';
import type { DeskHandle } from '../app/desk-context';
import type { SoftphoneStore } from './state/softphone-store';
import { callPatched } from './state/softphone-slice';
import { setKnowledgeInquiry } from '../knowledge/start';

const dealershipTimeZone = 'Asia/Shanghai';

export async function screenPop(client: ContractClient, desk: DeskHandle, store: SoftphoneStore, callId: string, phone: string): Promise<void> {
  let found: { customerIds: number[]; card?: CustomerCard } = { customerIds: [] };
  try {
    found = await client.call('customers.lookupPhone', { phone, withCard: true });
  } catch {
    found = { customerIds: [] };
  }
  // The card first (it is what the agent needs before answering), then the ringing panel's
  // matches and the facts beyond the card.
  if (found.card) desk.actions.card.showCard(found.card);
  store.setState((s) => callPatched(s, callId, { customerIds: found.customerIds }));
  if (found.customerIds.length === 1) await openCustomer(client, desk, store, callId, found.customerIds[0], found.card);
}

/** `shown`: the card is on screen already (it came with the lookup). */
export async function openCustomer(client: ContractClient, desk: DeskHandle, store: SoftphoneStore, callId: string, customerId: number, shown?: CustomerCard): Promise<void> {
  store.setState((s) => callPatched(s, callId, { customerId }));
  if (!shown) await desk.actions.card.openCard(customerId);
  const card = desk.store.getState().card.card;
  if (!card || card.id !== customerId) return;
  applyWhyCalling(desk, store, callId, card, noContext);
  const context = await client.call('frontDesk.callContext', { customerId }).catch(() => noContext);
  if (context !== noContext && desk.store.getState().card.card?.id === customerId) applyWhyCalling(desk, store, callId, card, context);
}

type CallContext = Pick<WhyCallingInput, 'workInProgress' | 'appointments' | 'complaints'>;
const noContext: CallContext = {};

function applyWhyCalling(desk: DeskHandle, store: SoftphoneStore, callId: string, card: CustomerCard, context: CallContext): void {
  const call = store.getState().calls.find((c) => c.id === callId);
  const why = whyCalling({ birthday: card.birthday, vehicles: card.vehicles, visits: card.visits, ...context }, todayIn(dealershipTimeZone, new Date()), call?.ivrCategory ?? null);
  store.setState((s) => callPatched(s, callId, { vehicleId: why.vehicleId, reasons: why.reasons }));
  if (why.vehicleId !== null) desk.actions.card.chooseVehicle(why.vehicleId);
  // The KB panel suggests articles for the IVR choice and this car during the call.
  setKnowledgeInquiry(card.id, call?.ivrCategory ?? null);
}
