import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RecordingController } from '../recording-controller';
import type { RecordingState } from '../state/recording-slice';
import type { RecordingStore } from '../state/recording-store';

export const RecordingContext = createContext<{ store: RecordingStore; controller: RecordingController } | null>(null);

function handle() {
  const h = useContext(RecordingContext);
  if (!h) throw new Error('RecordingContext is missing');
  return h;
}

export function useRecording<T>(selector: (s: RecordingState) => T): T {
  return useStore(handle().store, selector);
}

export function useRecorder(): RecordingController {
  return handle().controller;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '--:--';
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatBytes(n: number): string {
  if (n < 0) return '?';
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}
