// The main window reopens where the agent left it (DATA_DIR/window-state.json), but always on a
// display that still exists: a laptop undocked from its second monitor must not open off-screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomically } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface DisplayArea {
  workArea: Rect;
}

export const defaultWindowSize = { width: 1280, height: 800 };
export const minimumWindowSize = { width: 960, height: 600 };

export function windowStatePath(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function parseWindowState(raw: unknown): WindowState | null {
  const value = raw as { bounds?: Partial<Rect>; maximized?: unknown } | null;
  const bounds = value?.bounds;
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(finite)) return null;
  if ((bounds.width as number) <= 0 || (bounds.height as number) <= 0) return null;
  return {
    bounds: { x: Math.round(bounds.x!), y: Math.round(bounds.y!), width: Math.round(bounds.width!), height: Math.round(bounds.height!) },
    maximized: value?.maximized === true,
  };
}

export function loadWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(windowStatePath(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  writeJsonAtomically(windowStatePath(dataDir), state);
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function centred(area: Rect, width: number, height: number): Rect {
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where to open the window: the saved bounds moved and shrunk to lie wholly inside the work
 * area of the display they overlap most; with no saved state, or bounds on no current display,
 * the default size centred on the primary display (the first in `displays`).
 */
export function restoreWindowState(saved: WindowState | null, displays: readonly DisplayArea[]): WindowState {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...defaultWindowSize };
  const fit = (area: Rect, width: number, height: number) => ({
    width: Math.max(Math.min(width, area.width), Math.min(minimumWindowSize.width, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(minimumWindowSize.height, area.height)),
  });
  let best: { area: Rect; overlap: number } | null = null;
  if (saved) {
    for (const display of displays) {
      const overlap = overlapArea(saved.bounds, display.workArea);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { area: display.workArea, overlap };
    }
  }
  if (!saved || !best) {
    const size = fit(primary, defaultWindowSize.width, defaultWindowSize.height);
    return { bounds: centred(primary, size.width, size.height), maximized: saved?.maximized ?? false };
  }
  const { area } = best;
  const size = fit(area, saved.bounds.width, saved.bounds.height);
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized };
}
