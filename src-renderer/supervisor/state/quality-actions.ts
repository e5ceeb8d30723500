// Effects of the quality-review tab, through the contract client; main refuses them to roles
// other than supervisor and admin.
import type { ContractClient } from '../../../src-shared/contract/client';
import type { QualityCriterion, QualityScores } from '../../../src-shared/domain/quality/scoring';
import { asContractError } from '../../state/action-deps';
import { emptyQuality, type QualityStore } from './quality-store';

/** 'YYYY-MM' → the ISO instants bounding the months (local midnight of the desk). */
function range(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.split('-').map(Number);
  return { from: new Date(`${from}-01T00:00:00`).toISOString(), to: new Date(y, m, 1).toISOString() };
}

export function createQualityActions(client: ContractClient, store: QualityStore, months: () => { from: string; to: string }) {
  const fail = (error: unknown) => store.setState({ error: asContractError(error) });

  async function load(agent = store.getState().agent) {
    const { from, to } = months();
    store.setState({ agent, error: null });
    try {
      const [list, criteria, trends] = await Promise.all([
        client.call('recording.list', { ...range(from, to), ...(agent ? { agent } : {}), status: 'finalized', limit: 200 }),
        client.call('quality.criteria', {}),
        client.call('quality.trends', { from, to }),
      ]);
      store.setState({ recordings: list.recordings, agents: list.agents, criteria, trends });
    } catch (error) {
      fail(error);
    }
  }

  async function openRecording(id: number) {
    const open = store.getState().recordings.find((r) => r.id === id) ?? null;
    store.setState({ open, detail: null });
    if (!open) return;
    try {
      const detail = await client.call('quality.get', { recordingId: id });
      if (store.getState().open?.id === id) store.setState({ detail });
    } catch (error) {
      fail(error);
    }
  }

  async function reloadDetail() {
    const open = store.getState().open;
    if (open) store.setState({ detail: await client.call('quality.get', { recordingId: open.id }) });
  }

  async function saveReview(scores: QualityScores, note: string) {
    const open = store.getState().open;
    if (!open) return;
    store.setState({ saving: true, error: null });
    try {
      await client.call('quality.saveReview', { recordingId: open.id, scores, note: note.trim() || null });
      await reloadDetail();
      const { from, to } = months();
      store.setState({ trends: await client.call('quality.trends', { from, to }) });
    } catch (error) {
      fail(error);
    } finally {
      store.setState({ saving: false });
    }
  }

  async function addComment(atMs: number, text: string) {
    const open = store.getState().open;
    if (!open || !text.trim()) return;
    try {
      await client.call('quality.addComment', { recordingId: open.id, atMs: Math.max(0, Math.round(atMs)), text: text.trim() });
      await reloadDetail();
    } catch (error) {
      fail(error);
    }
  }

  async function removeComment(id: number) {
    try {
      await client.call('quality.removeComment', { id });
      await reloadDetail();
    } catch (error) {
      fail(error);
    }
  }

  async function setCriteria(criteria: QualityCriterion[]) {
    try {
      store.setState({ criteria: await client.call('quality.setCriteria', { criteria }), error: null });
    } catch (error) {
      fail(error);
    }
  }

  return { load, openRecording, saveReview, addComment, removeComment, setCriteria, reset: () => store.setState({ ...emptyQuality }), clearError: () => store.setState({ error: null }) };
}

export type QualityActions = ReturnType<typeof createQualityActions>;
