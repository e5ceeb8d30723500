// Headset buttons → softphone actions. Edge-triggered so that repeated reports (Jabra repeats
// Answer/End ~2 s later, WICG/webhid#61) and the headset echoing the off-hook LED we just set
// never act twice: an absolute hook switch answers on its rising edge while ringing and hangs
// up on its falling edge during a call; a relative one (or a hookSwitchIsToggle quirk) acts on
// each press. Phone Mute toggles on its rising edge.
import type { HeadsetInputs, HeadsetMap, LedState } from './hid-headset';

export type CallPhase = 'idle' | 'ringing' | 'in-call' | 'held';
export type HeadsetAction = 'answer' | 'hangup' | 'decline' | 'toggle-mute';

export interface HeadsetTracker {
  hook: boolean | null;
  mute: boolean | null;
  drop: boolean | null;
}

export const initialTracker: HeadsetTracker = { hook: null, mute: null, drop: null };

export function headsetActions(map: HeadsetMap, prev: HeadsetTracker, inputs: HeadsetInputs, phase: CallPhase): { tracker: HeadsetTracker; actions: HeadsetAction[] } {
  const actions: HeadsetAction[] = [];
  const tracker = { ...prev };
  const inCall = phase === 'in-call' || phase === 'held';
  if (inputs.hookSwitch !== undefined) {
    const v = inputs.hookSwitch;
    const toggle = map.quirks.hookSwitchIsToggle || map.hookSwitch?.relative === true;
    if (toggle) {
      if (v && prev.hook !== true) {
        if (phase === 'ringing') actions.push('answer');
        else if (inCall) actions.push('hangup');
      }
    } else if (v && prev.hook !== true && phase === 'ringing') actions.push('answer');
    else if (!v && prev.hook === true && inCall) actions.push('hangup');
    tracker.hook = v;
  }
  if (inputs.phoneMute !== undefined) {
    if (inputs.phoneMute && prev.mute !== true && inCall) actions.push('toggle-mute');
    tracker.mute = inputs.phoneMute;
  }
  if (inputs.drop !== undefined) {
    if (inputs.drop && prev.drop !== true) {
      if (phase === 'ringing') actions.push('decline');
      else if (inCall) actions.push('hangup');
    }
    tracker.drop = inputs.drop;
  }
  return { tracker, actions };
}

export function ledStateFor(phase: CallPhase, muted: boolean): LedState {
  return { offHook: phase === 'in-call' || phase === 'held', ring: phase === 'ringing', mute: muted && phase !== 'idle', hold: phase === 'held' };
}
