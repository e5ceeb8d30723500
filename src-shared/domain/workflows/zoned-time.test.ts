import { describe, expect, it } from 'vitest';
import { localTime, zonedInstant, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
  it('reads wall clocks in a zone without DST', () => {
    expect(localTime(new Date('2026-11-26T04:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-26', minutes: 12 * 60 + 30, weekday: 4 });
    expect(zonedInstant('2026-11-26', 12 * 60 + 30, 'Asia/Shanghai').toISOString()).toBe('2026-11-26T04:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });
  it('converts across New York DST changes', () => {
    expect(zonedInstant('2026-03-07', 600, 'America/New_York').toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(zonedInstant('2026-03-09', 600, 'America/New_York').toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // 02:30 does not exist on 2026-03-08: shifted forward by the hour.
    expect(zonedInstant('2026-03-08', 150, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the earlier (EDT) one.
    expect(zonedInstant('2026-11-01', 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
  it('round-trips every quarter hour of a DST day', () => {
    for (let m = 0; m < 1440; m += 15) {
      const at = zonedInstant('2026-11-01', m, 'America/New_York');
      expect(localTime(at, 'America/New_York')).toMatchObject({ date: '2026-11-01', minutes: m });
    }
  });
});
