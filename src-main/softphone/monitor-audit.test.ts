import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/roles';
import { createDispatcher } from '../contract/dispatcher';
import { openDatabase } from '../db/open';
import type { DeskContext } from '../host/context';
import { handlers } from '../host/handlers';

function desk(role: Role, userName: string) {
  const { sqlite, db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-monitor-')), 'desk.sqlite'));
  const ctx: DeskContext = {
    sqlite, db, dataDir: '', host: 'browser',
    session: { userName, role, locale: 'zh-CN' },
    now: () => new Date('2026-11-26T02:00:00Z'),
    emit: () => {},
    log: { info: () => {}, error: () => {} },
  };
  const dispatch = createDispatcher({ handlers, context: ctx, role: () => ctx.session.role, log: ctx.log, validateOutput: true });
  const rows = () => sqlite.prepare('SELECT actor, role, action, data FROM audit_log ORDER BY id').all() as { actor: string; role: string; action: string; data: string }[];
  return { dispatch, rows };
}

const entry = { peer: '8001', mode: 'listen', callUid: null, status: null } as const;

describe('softphone.monitor.audit', () => {
  it('logs who listened to whom, each mode change and the end, for a supervisor', async () => {
    const { dispatch, rows } = desk('supervisor', '张主管');
    for (const [event, mode] of [['start', 'listen'], ['mode', 'whisper'], ['end', null]] as const) {
      expect((await dispatch('softphone.monitor.audit', { ...entry, side: 'supervisor', event, mode })).ok).toBe(true);
    }
    expect(rows().map((r) => [r.actor, r.role, r.action, JSON.parse(r.data).peer, JSON.parse(r.data).mode])).toEqual([
      ['张主管', 'supervisor', 'monitor_start', '8001', 'listen'],
      ['张主管', 'supervisor', 'monitor_mode', '8001', 'whisper'],
      ['张主管', 'supervisor', 'monitor_end', '8001', null],
    ]);
  });

  it('refuses an agent who tries to monitor, and logs the attempt', async () => {
    const { dispatch, rows } = desk('agent', '李坐席');
    const r = await dispatch('softphone.monitor.audit', { ...entry, side: 'supervisor', event: 'start' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rows().map((x) => [x.actor, x.action])).toEqual([['李坐席', 'monitor_forbidden']]);
  });

  it("lets the agent's desk log being monitored and a refused caller", async () => {
    const { dispatch, rows } = desk('agent', '李坐席');
    expect((await dispatch('softphone.monitor.audit', { side: 'agent', event: 'start', peer: '8002', mode: 'listen', callUid: 'call-x', status: null })).ok).toBe(true);
    expect((await dispatch('softphone.monitor.audit', { side: 'agent', event: 'refused', peer: '8003', mode: null, callUid: null, status: 403 })).ok).toBe(true);
    expect(rows().map((x) => [x.action, JSON.parse(x.data)])).toEqual([
      ['monitored_start', { peer: '8002', mode: 'listen', callUid: 'call-x', status: null }],
      ['monitored_refused', { peer: '8003', mode: null, callUid: null, status: 403 }],
    ]);
  });

  it('validates the settings list of supervisor extensions', async () => {
    const { dispatch } = desk('admin', 'admin');
    expect(await dispatch('softphone.settings.set', { monitorSupervisors: ['8002', 'sip:sup01@pbx.example'] })).toMatchObject({ ok: true, value: { monitorSupervisors: ['8002', 'sip:sup01@pbx.example'], monitorIndicator: true } });
    expect((await dispatch('softphone.settings.set', { monitorSupervisors: ['80 02'] })).ok).toBe(false);
  });
});
