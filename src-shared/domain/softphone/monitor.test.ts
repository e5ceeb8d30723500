import { describe, expect, it } from 'vitest';
import { canMonitor, extensionOf, monitorDecision, monitorRefusal, parseMonitorMode } from './monitor';

const base = { fromUser: '8002', modeHeader: 'listen', trusted: ['8002'], callInProgress: true, alreadyMonitored: false };

describe('monitor protocol', () => {
  it('accepts a trusted supervisor during a call, in the mode asked for', () => {
    expect(monitorDecision(base)).toEqual({ kind: 'accept', mode: 'listen' });
    expect(monitorDecision({ ...base, modeHeader: ' Whisper ' })).toEqual({ kind: 'accept', mode: 'whisper' });
  });

  it('matches extensions written as URIs or with case and spaces', () => {
    expect(monitorDecision({ ...base, fromUser: 'sip:Sup01@pbx.example', trusted: [' sip:sup01@other '] }).kind).toBe('accept');
    expect(extensionOf('<sip:8002@127.0.0.1;transport=ws>')).toBe('8002');
    expect(extensionOf('8002')).toBe('8002');
  });

  it('refuses anyone not on the list with 403, before revealing whether the agent is on a call', () => {
    expect(monitorDecision({ ...base, fromUser: '8003' })).toMatchObject({ kind: 'refuse', status: 403 });
    expect(monitorDecision({ ...base, fromUser: '8003', callInProgress: false })).toMatchObject({ status: 403 });
    expect(monitorDecision({ ...base, trusted: [] })).toMatchObject({ status: 403 });
    expect(monitorDecision({ ...base, fromUser: '' , trusted: [''] })).toMatchObject({ status: 403 });
    // a prefix is not a match
    expect(monitorDecision({ ...base, fromUser: '800', trusted: ['8002'] })).toMatchObject({ status: 403 });
  });

  it('refuses an unknown mode, no call in progress, and a second supervisor', () => {
    expect(monitorDecision({ ...base, modeHeader: 'barge' })).toMatchObject({ status: 400 });
    expect(monitorDecision({ ...base, modeHeader: null })).toMatchObject({ status: 400 });
    expect(monitorDecision({ ...base, callInProgress: false })).toMatchObject({ status: 480 });
    expect(monitorDecision({ ...base, alreadyMonitored: true })).toMatchObject({ status: 486 });
  });

  it('only supervisors and admins may monitor', () => {
    expect(canMonitor('supervisor')).toBe(true);
    expect(canMonitor('admin')).toBe(true);
    for (const r of ['agent', 'advisor', 'sales'] as const) expect(canMonitor(r)).toBe(false);
    expect(canMonitor(null)).toBe(false);
  });

  it('parses modes and maps refusals', () => {
    expect(parseMonitorMode('LISTEN')).toBe('listen');
    expect(parseMonitorMode('')).toBeNull();
    expect([403, 480, 486, 404, 500, null].map(monitorRefusal)).toEqual(['forbidden', 'no-call', 'busy', 'unreachable', 'failed', 'failed']);
  });
});
