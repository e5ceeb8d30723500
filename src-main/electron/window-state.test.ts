import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultWindowSize, loadWindowState, parseWindowState, restoreWindowState, saveWindowState, windowStatePath, type Rect } from './window-state';

const laptop = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const rightMonitor = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('restoreWindowState', () => {
  it('keeps bounds that are fully visible', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('centres the default size on the primary display without saved state', () => {
    expect(restoreWindowState(null, [laptop, rightMonitor])).toEqual({
      bounds: { x: (1920 - defaultWindowSize.width) / 2, y: (1040 - defaultWindowSize.height) / 2, ...defaultWindowSize },
      maximized: false,
    });
  });

  it('brings a window from an unplugged monitor back to the primary display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    const restored = restoreWindowState(saved, [laptop]);
    expect(inside(restored.bounds, laptop.workArea)).toBe(true);
    expect(restored.maximized).toBe(true);
  });

  it('pulls a half-visible window fully onto the display it mostly covers, shrinking it to fit', () => {
    const restored = restoreWindowState({ bounds: { x: 1500, y: -200, width: 3000, height: 2000 }, maximized: false }, [laptop, rightMonitor]);
    expect(restored.bounds).toEqual({ x: 1920, y: 0, width: 2560, height: 1400 });
  });

  it('always lands inside some display (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(rect, { minLength: 1, maxLength: 3 }), fc.option(rect, { nil: null }), fc.boolean(), (areas, bounds, maximized) => {
        const displays = areas.map((workArea) => ({ workArea }));
        const restored = restoreWindowState(bounds ? { bounds, maximized } : null, displays);
        return displays.some((display) => inside(restored.bounds, display.workArea)) && restored.bounds.width > 0 && restored.bounds.height > 0;
      }),
    );
  });
});

describe('window-state.json', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  });

  it('round-trips and tolerates damage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-window-'));
    dirs.push(dir);
    expect(loadWindowState(dir)).toBeNull();
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 900 }, maximized: true };
    saveWindowState(dir, state);
    expect(loadWindowState(dir)).toEqual(state);
    writeFileSync(windowStatePath(dir), '{"bounds":{"x":"a"}}');
    expect(loadWindowState(dir)).toBeNull();
    writeFileSync(windowStatePath(dir), 'garbage');
    expect(loadWindowState(dir)).toBeNull();
  });

  it('rejects non-positive or non-numeric sizes', () => {
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 0, height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: Infinity, height: 10 } })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: { x: 1.4, y: 2.6, width: 1000, height: 700 }, maximized: 'yes' })).toEqual({ bounds: { x: 1, y: 3, width: 1000, height: 700 }, maximized: false });
  });
});
