// Effects of the supervisor screen, all through the contract client; main checks every role
// (an agent's refused export is audited there), the UI only hides what it may not offer.
import type { ContractClient } from '../../../src-shared/contract/client';
import { asContractError } from '../../state/action-deps';
import type { DrillTarget, SupervisorStore, SupervisorTab } from './supervisor-store';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createSupervisorActions(client: ContractClient, store: SupervisorStore, save: (file: { fileName: string; base64: string; mime: string }) => void) {
  const fail = (error: unknown) => store.setState({ error: asContractError(error), notice: null });
  let seq = 0;

  async function load(from = store.getState().from, to = store.getState().to) {
    const mine = ++seq;
    store.setState({ from, to, status: 'loading', error: null });
    try {
      const dashboard = await client.call('supervisor.dashboard', { from, to });
      if (mine === seq) store.setState({ dashboard, status: 'ready' });
    } catch (error) {
      if (mine === seq) store.setState({ status: 'error' });
      fail(error);
    }
  }

  async function drill(target: DrillTarget) {
    const { from, to } = store.getState();
    store.setState({ drill: { target, records: null } });
    try {
      const records = await client.call('supervisor.drillDown', { figure: target.figure, from, to, limit: 200, offset: 0, ...(target.key ? { key: target.key } : {}), ...(target.month ? { month: target.month } : {}), ...(target.advisorId !== undefined ? { advisorId: target.advisorId } : {}) });
      if (store.getState().drill?.target === target) store.setState({ drill: { target, records } });
    } catch (error) {
      store.setState({ drill: null });
      fail(error);
    }
  }

  async function exportFigure(target: Omit<DrillTarget, 'name'> | 'summary') {
    const { from, to } = store.getState();
    try {
      const input = target === 'summary' ? { figure: 'summary' as const, from, to } : { figure: target.figure, from, to, ...(target.key ? { key: target.key } : {}), ...(target.month ? { month: target.month } : {}), ...(target.advisorId !== undefined ? { advisorId: target.advisorId } : {}) };
      const file = await client.call('supervisor.export', input);
      save({ fileName: file.fileName, base64: file.base64, mime: xlsxMime });
      store.setState({ notice: `exported:${file.rows}`, error: null });
    } catch (error) {
      fail(error);
    }
  }

  async function refresh() {
    store.setState({ refreshing: true, error: null });
    try {
      await client.call('supervisor.refresh', {});
      await load();
    } catch (error) {
      fail(error);
    } finally {
      store.setState({ refreshing: false });
    }
  }

  async function loadAppraisal(month = store.getState().appraisalMonth) {
    store.setState({ appraisalMonth: month, appraisal: null });
    try {
      const appraisal = await client.call('supervisor.appraisal', { month });
      if (store.getState().appraisalMonth === month) store.setState({ appraisal });
    } catch (error) {
      fail(error);
    }
  }

  async function loadAudit() {
    try {
      store.setState({ audit: await client.call('supervisor.audit', { limit: 200 }) });
    } catch (error) {
      fail(error);
    }
  }

  return {
    load, loadAudit, drill, exportFigure, refresh, loadAppraisal,
    closeDrill: () => store.setState({ drill: null }),
    setTab(tab: SupervisorTab) {
      store.setState({ tab, drill: null, notice: null });
      if (tab === 'appraisal' && !store.getState().appraisal) void loadAppraisal();
      if (tab === 'audit') void loadAudit();
    },
    clearMessages: () => store.setState({ error: null, notice: null }),
    dismissAlert: (index: number) => store.setState({ alerts: store.getState().alerts.filter((_, i) => i !== index) }),
  };
}

export type SupervisorActions = ReturnType<typeof createSupervisorActions>;
