// Rescue dispatch through every status, accident reports, appointments against advisor
// capacity (seed 003) and the front-desk check-in by plate.
import { describe, expect, it } from 'vitest';
import { seedCustomers, sh, workflowDesk } from './support';

describe('rescue dispatch', () => {
  it('goes dispatched → on the way → on site → result reported → returned → closed, each timed, shown on the board', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    expect(await desk.fails('workItems.create', { kind: 'rescue', title: '高速抛锚', customerId: zhang, fields: { place: '广深高速' } })).toBe('invalid-input');
    const r = await desk.call('workItems.create', {
      kind: 'rescue', title: '高速抛锚', customerId: zhang, vehicleId: zhangCar, priority: 'urgent',
      fields: { place: '广深高速 K35 往深圳方向', lat: 22.8, lng: 113.7, fault: '无法启动', callbackPhone: '13800138001' },
    });
    expect(r.status).toBe('requested');
    expect(await desk.fails('workItems.transition', { id: r.id, action: 'arrive' })).toBe('conflict');
    const steps: [string, Record<string, unknown>, string][] = [
      ['dispatch', { assignee: '技师老周', fields: { towTruck: '粤B-T001' } }, 'dispatched'],
      ['depart', {}, 'on_the_way'],
      ['arrive', {}, 'on_site'],
      ['report_result', { note: '电瓶亏电,已搭电启动' }, 'result_reported'],
      ['return', {}, 'returned'],
      ['close', {}, 'closed'],
    ];
    let minute = 0;
    for (const [action, extra, status] of steps) {
      desk.setNow(new Date(sh('2026-11-26T10:00').getTime() + (minute += 15) * 60_000));
      if (status === 'on_the_way') {
        const board = await desk.call('rescue.board', {});
        expect(board.columns.find((c) => c.status === 'dispatched')!.items.map((i) => i.id)).toEqual([r.id]);
      }
      expect((await desk.call('workItems.transition', { id: r.id, action, ...extra })).status).toBe(status);
    }
    const done = await desk.call('workItems.get', { id: r.id });
    expect(done.fields).toMatchObject({ technician: '技师老周', towTruck: '粤B-T001', result: '电瓶亏电,已搭电启动' });
    expect(done.fields.statusTimes).toEqual({
      dispatched: sh('2026-11-26T10:15').toISOString(), on_the_way: sh('2026-11-26T10:30').toISOString(), on_site: sh('2026-11-26T10:45').toISOString(),
      result_reported: sh('2026-11-26T11:00').toISOString(), returned: sh('2026-11-26T11:15').toISOString(), closed: sh('2026-11-26T11:30').toISOString(),
    });
    expect(done.history.map((h) => h.toStatus)).toEqual(['requested', 'dispatched', 'on_the_way', 'on_site', 'result_reported', 'returned', 'closed']);
    expect((await desk.call('rescue.board', {})).columns.every((c) => c.items.length === 0)).toBe(true);
  });

  it('records accident reports with claim, repair progress and cost', async () => {
    const desk = workflowDesk();
    const { zhang, zhangCar } = seedCustomers(desk);
    const a = await desk.call('workItems.create', { kind: 'accident', title: '追尾', customerId: zhang, vehicleId: zhangCar, fields: { insurer: '平安保险', claimNumber: 'PA2026112601', place: '深南大道', reportedBy: 'insurer' } });
    await desk.call('workItems.transition', { id: a.id, action: 'start_repair', fields: { repairOrder: 'RO-889' } });
    await desk.call('workItems.transition', { id: a.id, action: 'progress', note: '钣金完成', fields: { repairProgress: '钣金完成,待喷漆', costYuan: 4200 } });
    expect(await desk.fails('workItems.transition', { id: a.id, action: 'progress', note: 'x', fields: { costYuan: -1 } })).toBe('invalid-input');
    const done = await desk.call('workItems.transition', { id: a.id, action: 'finish_repair' });
    expect(done).toMatchObject({ status: 'repaired', fields: { insurer: '平安保险', claimNumber: 'PA2026112601', repairOrder: 'RO-889', repairProgress: '钣金完成,待喷漆', costYuan: 4200 } });
  });
});

describe('appointments and the front desk', () => {
  it('books freely to 10 cars, to 12 with confirmation, never 13 (seed 003)', async () => {
    const desk = workflowDesk();
    const { zhang } = seedCustomers(desk);
    const slots = ['08:30', '08:30', '09:30', '09:30', '10:30', '10:30', '11:30', '11:30', '13:30', '13:30'];
    for (const slot of slots) await desk.call('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot, kind: 'maintenance' });
    expect(await desk.fails('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot: '14:30', kind: 'maintenance' })).toBe('conflict');
    expect(await desk.fails('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot: '08:30', kind: 'maintenance', confirmOverTarget: true })).toBe('conflict');
    await desk.call('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot: '14:30', kind: 'maintenance', confirmOverTarget: true });
    await desk.call('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot: '15:30', kind: 'repair', confirmOverTarget: true });
    expect(await desk.fails('appointments.book', { customerId: zhang, advisor: '李顾问', date: '2026-11-30', slot: '16:30', kind: 'repair', confirmOverTarget: true })).toBe('conflict');
    const day = await desk.call('appointments.day', { date: '2026-11-30', advisor: '李顾问' });
    expect(day.capacity[0]).toMatchObject({ booked: 12, level: 'full', freeToMax: 0 });
    const cancelled = await desk.call('appointments.setStatus', { id: day.appointments[0].id, status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect((await desk.call('appointments.day', { date: '2026-11-30', advisor: '李顾问' })).capacity[0]).toMatchObject({ booked: 11, level: 'busy' });
  });

  it('checks a walk-in in by plate with the card and why they are here', async () => {
    const desk = workflowDesk(sh('2026-11-26T09:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    const appt = await desk.call('appointments.book', { customerId: zhang, vehicleId: zhangCar, advisor: '李顾问', date: '2026-11-26', slot: '09:30', kind: 'maintenance' });
    await desk.call('workItems.create', { kind: 'complaint', title: '上次保养漏油', customerId: zhang, vehicleId: zhangCar });
    desk.as('李顾问', 'advisor');
    const hit = await desk.call('frontDesk.checkIn', { plate: 'b12345' });
    expect(hit).toMatchObject({ customerId: zhang, vehicleId: zhangCar, openWorkItems: 1, appointment: { id: appt.id, status: 'checked_in' } });
    expect(hit.card!.name).toBe('张伟');
    expect(hit.card!.phones[0].masked).toBe(true);
    expect(hit.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['complaint', 'appointment', 'insurance', 'birthday']));
    expect(hit.reasons[0].kind).toBe('complaint');
    expect((await desk.call('frontDesk.checkIn', { plate: '粤B99999' })).customerId).toBeNull();
  });
});
