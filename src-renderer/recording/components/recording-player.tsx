// Playback of one recording: play/pause, a seek bar with the paused spans drawn on it, speed.
// The duration falls back to the metadata: a file that could not be remuxed reports Infinity.
// Quality review (src-renderer/supervisor) passes comment markers, drawn on the timeline (a click
// seeks to one), and onPin, which pins a comment at the position chosen on the timeline.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingView } from '../../../src-shared/contract/recording';
import { createPlayback, type Playback } from '../player/playback';
import { formatDuration, useRecorder } from './use-recording';

const speeds = [0.75, 1, 1.25, 1.5, 2];

export interface PlayerMarker {
  id: number;
  atMs: number;
  text: string;
}

export function RecordingPlayer({ recording, markers, onPin }: { recording: RecordingView; markers?: readonly PlayerMarker[]; onPin?: (atMs: number) => void }) {
  const { t } = useTranslation();
  const recorder = useRecorder();
  const playback = useRef<Playback | null>(null);
  const [ready, setReady] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [speed, setSpeed] = useState(1);
  const speedRef = useRef(1);
  speedRef.current = speed;
  useEffect(() => {
    let cancelled = false;
    setReady(false);
    setPosition(0);
    setPlaying(false);
    void recorder.loadAudio(recording).then(async (bytes) => {
      if (!bytes || cancelled) return;
      const p = await createPlayback(bytes, 'audio/webm', () => setPlaying(false));
      if (cancelled) return p.destroy();
      p.setRate(speedRef.current);
      playback.current = p;
      setReady(true);
    }).catch(() => setReady(false));
    return () => {
      cancelled = true;
      playback.current?.destroy();
      playback.current = null;
    };
  }, [recording.id]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setPosition(playback.current?.position() ?? 0), 200);
    return () => clearInterval(timer);
  }, [playing]);
  if (!recording.localAvailable) return <div className="rec-player" data-testid="rec-player">{t('recording.player.notLocal')}</div>;
  const fromFile = playback.current?.duration() ?? NaN;
  const durationS = Number.isFinite(fromFile) && fromFile > 0 ? fromFile : (recording.durationMs ?? 0) / 1000;
  const span = Math.max(durationS, 0.001);
  return (
    <div className="rec-player" data-testid="rec-player" data-ready={ready} data-playing={playing} data-engine={playback.current?.engine ?? ''}>
      <button type="button" className="btn btn-small" data-testid="rec-play" disabled={!ready} onClick={() => {
        const p = playback.current;
        if (!p) return;
        if (p.playing()) p.pause();
        else p.play();
        setPlaying(p.playing());
        setPosition(p.position());
      }}>
        {playing ? t('recording.player.pause') : t('recording.player.play')}
      </button>
      <div className="rec-seek-wrap">
        {recording.pauses.map((p, i) => (
          <span key={i} className="rec-pause-span" title={t('recording.player.paused')}
            style={{ left: `${p.startMs / 10 / span}%`, width: `${((p.endMs ?? recording.durationMs ?? p.startMs) - p.startMs) / 10 / span}%` }} />
        ))}
        {markers?.map((m) => (
          <button key={m.id} type="button" className="rec-marker" data-testid="rec-marker" data-at={m.atMs} title={`${formatDuration(m.atMs)} ${m.text}`}
            style={{ left: `${m.atMs / 10 / span}%` }} onClick={() => {
              playback.current?.seek(m.atMs / 1000);
              setPosition(m.atMs / 1000);
            }} />
        ))}
        <input type="range" className="rec-seek" data-testid="rec-seek" min={0} max={Math.max(durationS, 0.1)} step={0.1} value={Math.min(position, durationS)} disabled={!ready}
          onChange={(e) => {
            const v = Number(e.target.value);
            playback.current?.seek(v);
            setPosition(v);
          }} />
      </div>
      <span className="rec-mono" data-testid="rec-time" data-position={position.toFixed(2)}>{formatDuration(position * 1000)} / {formatDuration(durationS * 1000)}</span>
      <label className="rec-speed">
        {t('recording.player.speed')}
        <select data-testid="rec-speed" value={speed} onChange={(e) => {
          const v = Number(e.target.value);
          setSpeed(v);
          playback.current?.setRate(v);
        }}>
          {speeds.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      {onPin ? <button type="button" className="btn btn-small" data-testid="rec-pin" onClick={() => onPin(Math.round(position * 1000))}>{t('recording.player.pin')}</button> : null}
      {!ready ? <span className="rec-muted">{t('recording.player.loading')}</span> : null}
    </div>
  );
}
