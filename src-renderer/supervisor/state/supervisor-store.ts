// The supervisor screen's state: the month range, the dashboard, the open drill-down, the
// appraisal month and its rows, the last notice (export done, refresh done) and error.
import { createStore } from 'zustand/vanilla';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { Dashboard, DashboardFigure, Records } from '../../../src-shared/contract/supervisor';
import type { Output } from '../../../src-shared/contract/index';

export const supervisorTabs = ['live', 'calls', 'service', 'care', 'churn', 'funnel', 'appraisal', 'quality', 'audit'] as const;
export type SupervisorTab = (typeof supervisorTabs)[number];

export interface DrillTarget {
  figure: DashboardFigure;
  key?: string;
  month?: string;
  advisorId?: number;
  /** What the panel's title says. */
  name: string;
}

export interface SupervisorState {
  from: string;
  to: string;
  tab: SupervisorTab;
  status: 'idle' | 'loading' | 'ready' | 'error';
  dashboard: Dashboard | null;
  refreshing: boolean;
  drill: { target: DrillTarget; records: Records | null } | null;
  appraisalMonth: string;
  appraisal: Output<'supervisor.appraisal'> | null;
  audit: Output<'supervisor.audit'> | null;
  notice: string | null;
  error: ContractError | null;
  alerts: { actor: string; hour: string; count: number }[];
}

export type SupervisorStore = ReturnType<typeof createSupervisorStore>;

/** `month` is the current month (YYYY-MM); the range opens on the last six months. */
export function createSupervisorStore(month: string) {
  return createStore<SupervisorState>()(() => ({
    from: shiftMonth(month, -5), to: month, tab: 'calls', status: 'idle', dashboard: null, refreshing: false, drill: null,
    appraisalMonth: month, appraisal: null, audit: null, notice: null, error: null, alerts: [],
  }));
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
