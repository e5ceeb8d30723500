// Call-centre figures: calls by hour of day (分时段来电, seed 000 日常管理), answered and
// abandoned inbound calls, average talk, wrap-up and handle time (handle = talk + wrap-up).
// Hours are the dealership's local hours, not the machine's.
import { localTime } from '../workflows/zoned-time';

export interface CallFact {
  direction: 'inbound' | 'outbound';
  ringAt: string;
  answerAt: string | null;
  talkSeconds: number | null;
  /** Seconds from hang-up to the wrap-up saved, when the desk recorded it. */
  wrapUpSeconds: number | null;
}

export interface HourRow {
  hour: number;
  inbound: number;
  answered: number;
  abandoned: number;
  outbound: number;
}

export function isAnswered(c: Pick<CallFact, 'answerAt'>): boolean {
  return c.answerAt !== null && c.answerAt !== '';
}

export function callsByHour(calls: readonly CallFact[], timeZone: string): HourRow[] {
  const rows: HourRow[] = Array.from({ length: 24 }, (_, hour) => ({ hour, inbound: 0, answered: 0, abandoned: 0, outbound: 0 }));
  for (const c of calls) {
    const at = new Date(c.ringAt);
    if (Number.isNaN(at.getTime())) continue;
    const row = rows[Math.floor(localTime(at, timeZone).minutes / 60)];
    if (c.direction === 'outbound') row.outbound += 1;
    else {
      row.inbound += 1;
      if (isAnswered(c)) row.answered += 1;
      else row.abandoned += 1;
    }
  }
  return rows;
}

export interface CallSummary {
  inbound: number;
  outbound: number;
  answered: number;
  abandoned: number;
  answerRate: number | null;
  avgTalkSeconds: number | null;
  avgWrapUpSeconds: number | null;
  avgHandleSeconds: number | null;
}

const mean = (sum: number, n: number) => (n > 0 ? sum / n : null);

/** Talk and handle averages are over answered calls (both directions); wrap-up over calls that recorded one. */
export function callSummary(calls: readonly CallFact[]): CallSummary {
  let inbound = 0, outbound = 0, answered = 0, abandoned = 0, talkSum = 0, talkN = 0, wrapSum = 0, wrapN = 0, handleSum = 0;
  for (const c of calls) {
    if (c.direction === 'inbound') {
      inbound += 1;
      if (isAnswered(c)) answered += 1;
      else abandoned += 1;
    } else outbound += 1;
    if (isAnswered(c) && c.talkSeconds !== null) {
      talkSum += c.talkSeconds;
      talkN += 1;
      handleSum += c.talkSeconds + (c.wrapUpSeconds ?? 0);
    }
    if (c.wrapUpSeconds !== null) {
      wrapSum += c.wrapUpSeconds;
      wrapN += 1;
    }
  }
  return {
    inbound, outbound, answered, abandoned,
    answerRate: inbound ? answered / inbound : null,
    avgTalkSeconds: mean(talkSum, talkN),
    avgWrapUpSeconds: mean(wrapSum, wrapN),
    avgHandleSeconds: mean(handleSum, talkN),
  };
}
