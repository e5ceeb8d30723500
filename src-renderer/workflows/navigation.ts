// Which main screen the desk shows. The top bar and the app shell read it; a screen-pop (an
// inbound call or a walk-in opening the customer card) brings the customers screen back.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const screens = ['customers', 'calls', 'knowledge', 'workOrders', 'followUps', 'reports', 'sales', 'supervisor'] as const;
export type Screen = (typeof screens)[number];

/** Screens that exist; the rest of the top bar's items stay disabled placeholders. */
export const enabledScreens: ReadonlySet<Screen> = new Set<Screen>(['customers', 'knowledge', 'workOrders', 'followUps', 'reports', 'sales', 'supervisor']);

export const workflowScreens = ['workOrders', 'followUps', 'reports'] as const;
export type WorkflowScreen = (typeof workflowScreens)[number];

export const navigationStore = createStore<{ screen: Screen }>()(() => ({ screen: 'customers' }));

export function showScreen(screen: Screen): void {
  if (enabledScreens.has(screen) && navigationStore.getState().screen !== screen) navigationStore.setState({ screen });
}

export function useScreen(): Screen {
  return useStore(navigationStore, (s) => s.screen);
}

export function isWorkflowScreen(screen: Screen): screen is WorkflowScreen {
  return (workflowScreens as readonly string[]).includes(screen);
}

/** The customer id a workflow screen opened the card for and shows beside itself (front desk, follow-up call). */
export const inlineCard: { id: number | null } = { id: null };

/** Sub-tabs of 回访 (the top bar stays as it is): the call queue, care reminders, messages, the questionnaire editor, surveys. */
export const followUpTabs = ['queue', 'care', 'messages', 'questionnaires', 'surveys'] as const;
export type FollowUpTab = (typeof followUpTabs)[number];

export const followUpTabStore = createStore<{ tab: FollowUpTab }>()(() => ({ tab: 'queue' }));

export function useFollowUpTab(): FollowUpTab {
  return useStore(followUpTabStore, (s) => s.tab);
}
