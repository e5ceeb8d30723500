import { describe, expect, it } from 'vitest';
import { figuresBuiltAt } from './churn-job';
import { refreshDue, supervisorRefreshTick } from './refresh-tick';
import { testDesk } from './test-desk';

// The desk clock is injected (testDesk's setNow); the dealership's default zone is Asia/Shanghai (UTC+8).
describe('supervisor refresh tick', () => {
  it('rebuilds once a night in the dealership time zone and after a large import', async () => {
    const d = testDesk('2024-06-15T10:00:00Z'); // 18:00 local
    const c = d.customer({ name: '客户一', advisorName: '顾问甲', vehicles: [{ plate: '粤B11111' }] });
    const v = d.vehicleOf(c);
    d.visit(c, v, '2024-01-10', 'maintenance');
    expect(await supervisorRefreshTick(d.ctx)).toBe('nightly'); // 18:00 is past 02:00 local and nothing was built yet
    expect(figuresBuiltAt(d.sqlite)).toMatchObject({ asOf: '2024-06-15', visits: 1 });
    expect(await supervisorRefreshTick(d.ctx)).toBeNull();

    d.setNow('2024-06-15T17:30:00Z'); // 01:30 on the 16th local: a new day, before the nightly hour
    expect(refreshDue(d.ctx)).toBeNull();
    d.setNow('2024-06-15T18:05:00Z'); // 02:05 local
    expect(await supervisorRefreshTick(d.ctx)).toBe('nightly');
    expect(figuresBuiltAt(d.sqlite)).toMatchObject({ asOf: '2024-06-16', builtAt: '2024-06-15T18:05:00.000Z' });
    d.setNow('2024-06-16T03:00:00Z');
    expect(await supervisorRefreshTick(d.ctx)).toBeNull(); // same local day: done

    // A small trickle does not trigger it; an import of a large share of the visits does.
    const small = { nightlyHour: 2, importRows: 20_000, importShare: 0.05 };
    for (let i = 0; i < 30; i++) d.visit(c, v, '2024-06-10', 'repair');
    expect(refreshDue(d.ctx, { ...small, importShare: 100 })).toBeNull();
    expect(refreshDue(d.ctx, { ...small, importRows: 31, importShare: 100 })).toBeNull();
    expect(await supervisorRefreshTick(d.ctx, small)).toBe('import');
    expect(figuresBuiltAt(d.sqlite)).toMatchObject({ visits: 31 });
    const classes = d.sqlite.prepare(`SELECT visit_class FROM churn_snapshot WHERE customer_id = ?`).pluck().get(c);
    expect(classes).toBe('B'); // 2024-01-10 and 2024-06-10: two visit days in 12 months
  });

  it('does not build a fresh desk before the nightly hour unless data arrives', () => {
    const d = testDesk('2024-06-14T17:00:00Z'); // 01:00 local
    expect(refreshDue(d.ctx)).toBeNull();
    const c = d.customer({ name: '客户二', vehicles: [{ plate: '粤B22222' }] });
    d.visit(c, d.vehicleOf(c), '2024-05-01', 'maintenance');
    expect(refreshDue(d.ctx)).toBe('import');
  });
});
