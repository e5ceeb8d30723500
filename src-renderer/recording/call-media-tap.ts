// The one seam between the softphone and the recorder: the softphone controller reports a
// call's streams when it is confirmed and tells when it ended; the recorder (if mounted) listens.
// It holds no state of its own, so the softphone works the same with no recorder attached.
export interface TappedCall {
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  customerId?: number | null;
  vehicleId?: number | null;
  queue?: string | null;
}

export interface CallMediaListener {
  confirmed(callId: string, local: MediaStream | undefined, remote: MediaStream | undefined, call: TappedCall | undefined): void;
  ended(callId: string): void;
}

let listener: CallMediaListener | null = null;

export const callMediaTap: CallMediaListener & { attach(l: CallMediaListener): () => void } = {
  confirmed(callId, local, remote, call) {
    try {
      listener?.confirmed(callId, local, remote, call);
    } catch {
      // A recorder failure must never disturb the call.
    }
  },
  ended(callId) {
    try {
      listener?.ended(callId);
    } catch {
      // idem
    }
  },
  attach(l) {
    listener = l;
    return () => {
      if (listener === l) listener = null;
    };
  },
};
