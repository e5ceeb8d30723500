// ICE-gathering time limit. JsSIP sends the INVITE (or 200 OK) only when gathering completes;
// with an unreachable STUN/TURN server or an interface without routes that takes 10–40 s, and
// on a host with only `lo` it never ends. After `limitMs` of gathering we end it ourselves by
// dispatching the end-of-candidates event (candidate: null), which JsSIP's own listener treats
// as "gathering finished" — the offer then carries whatever candidates were found.
export function limitIceGathering(pc: RTCPeerConnection, limitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (pc.iceGatheringState !== 'gathering' || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (pc.iceGatheringState === 'gathering') pc.dispatchEvent(new RTCPeerConnectionIceEvent('icecandidate', { candidate: null }));
    }, limitMs);
  };
  const onState = () => {
    if (pc.iceGatheringState === 'gathering') arm();
    else if (timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
  pc.addEventListener('icegatheringstatechange', onState);
  arm();
  return () => {
    pc.removeEventListener('icegatheringstatechange', onState);
    if (timer) clearTimeout(timer);
  };
}
