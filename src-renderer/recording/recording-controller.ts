// Glue of call recording in the renderer: the softphone's call media (call-media-tap.ts) → a
// CallRecorder per call, by the recording policy; list, player and recovery → main.
import type { ContractClient } from '../../src-shared/contract/client';
import type { RecordingView } from '../../src-shared/contract/recording';
import { mayStartByHand, maxReadBytes, recordsAutomatically } from '../../src-shared/domain/recording/policy';
import { callMediaTap, type TappedCall } from './call-media-tap';
import { createCallMix } from './recorder/audio-mix';
import { base64ToBytes } from './recorder/blob-base64';
import { CallRecorder } from './recorder/call-recorder';
import { activeAdded, activePatched, callGone, filterEdited, filterForRequest, type ListFilter } from './state/recording-slice';
import type { RecordingStore } from './state/recording-store';

interface LiveCall {
  local: MediaStream | undefined;
  remote: MediaStream | undefined;
  call: { id: string } & TappedCall;
  recorder: CallRecorder | null;
}

export function createRecordingController(client: ContractClient, store: RecordingStore) {
  const live = new Map<string, LiveCall>();
  const get = () => store.getState();

  function begin(callId: string) {
    const c = live.get(callId);
    const settings = get().settings;
    if (!c || c.recorder || !settings) return;
    const mix = createCallMix(c.local, c.remote, { stereo: settings.stereo });
    const recorder = new CallRecorder(client, mix, c.call, { stereo: settings.stereo, noticeTone: settings.noticeTone }, (patch) =>
      store.setState(activePatched(get(), callId, patch)),
    );
    c.recorder = recorder;
    store.setState(activeAdded(get(), { callId, remoteNumber: c.call.remoteNumber, phase: 'starting', recordingId: null, startedAt: Date.now(), error: null }));
    void recorder.start();
  }

  async function refreshList() {
    store.setState({ loading: true });
    try {
      const result = await client.call('recording.list', filterForRequest(get().filter));
      store.setState({ list: result.recordings, agents: result.agents, loading: false });
    } catch {
      store.setState({ loading: false });
    }
  }

  async function refreshRecovery() {
    try {
      store.setState({ recovery: (await client.call('recording.recovery.list', {})).recordings });
    } catch {
      // main not reachable yet: asked again on the next reconnect/event
    }
  }

  let detach: (() => void) | null = null;
  const offs: (() => void)[] = [];

  return {
    async start() {
      detach = callMediaTap.attach({
        confirmed(callId, local, remote, call) {
          if (!call) return;
          live.set(callId, { local, remote, call: { id: callId, ...call }, recorder: null });
          const settings = get().settings;
          if (!settings) return;
          if (recordsAutomatically(settings, { queue: call.queue ?? null })) begin(callId);
          else if (mayStartByHand(settings)) store.setState({ offered: [...get().offered, { callId, remoteNumber: call.remoteNumber }] });
        },
        ended(callId) {
          const c = live.get(callId);
          live.delete(callId);
          const recorder = c?.recorder;
          store.setState(callGone(get(), callId));
          if (recorder) void recorder.stop().then(() => (get().panelOpen ? refreshList() : undefined));
        },
      });
      offs.push(client.on('recording.diskLow', (disk) => store.setState({ disk })));
      offs.push(client.on('recording.changed', () => {
        if (get().panelOpen) void refreshList();
      }));
      try {
        store.setState({ settings: await client.call('recording.settings.get', {}) });
      } catch {
        // recorded calls need settings; without main there is nothing to record into anyway
      }
      await refreshRecovery();
    },
    stop() {
      detach?.();
      for (const off of offs.splice(0)) off();
    },
    startByHand: (callId: string) => begin(callId),
    setPaused(callId: string, paused: boolean) {
      live.get(callId)?.recorder?.pause(paused);
    },
    togglePanel() {
      const open = !get().panelOpen;
      store.setState({ panelOpen: open });
      if (open) void refreshList();
    },
    editFilter(patch: Partial<ListFilter>) {
      store.setState(filterEdited(get(), patch));
      void refreshList();
    },
    refreshList,
    select(rec: RecordingView | null) {
      store.setState({ selected: rec });
    },
    /** The whole file, read in slices of the contract's maximum. */
    async loadAudio(rec: RecordingView): Promise<Uint8Array<ArrayBuffer> | null> {
      if (!rec.localAvailable) return null;
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let offset = 0;
      for (;;) {
        const slice = await client.call('recording.read', { id: rec.id, offset, length: maxReadBytes });
        const bytes = base64ToBytes(slice.data);
        parts.push(bytes);
        offset += bytes.length;
        if (bytes.length === 0 || offset >= slice.totalBytes) break;
      }
      const all = new Uint8Array(offset);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return all;
    },
    async resolveRecovery(id: number, action: 'keep' | 'discard') {
      await client.call('recording.recovery.resolve', { id, action });
      await refreshRecovery();
      if (get().panelOpen) await refreshList();
    },
    refreshRecovery,
  };
}

export type RecordingController = ReturnType<typeof createRecordingController>;
