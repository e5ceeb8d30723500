// Driving the far-end JsSIP pages (far-end-ua.ts) from a test, and polling with a deadline.
import type { Page } from 'playwright-core';

export type FarEnd = {
  log: { events: string[]; dtmf: string[]; sessions: unknown[]; invites: string[]; failures: { n: number; status: number | null; cause: string }[] };
  call(target: string, headers?: string[]): Promise<number>;
  hangup(n: number): void;
  stats(n: number): Promise<{ inboundBytes: number; outboundBytes: number; audioLevel: number }>;
  status(n: number): { established: boolean; ended: boolean; onHold: boolean } | null;
};

/** Runs `fn` in the far-end page with its window.farEnd (fn is serialised: no closures). */
export const fe = <T>(page: Page, fn: (f: FarEnd, arg: never) => T | Promise<T>, arg?: unknown) =>
  page.evaluate(({ src, arg }) => new Function('f', 'arg', `return (${src})(f, arg)`)((window as never as { farEnd: FarEnd }).farEnd, arg), { src: fn.toString(), arg }) as Promise<T>;

let debugInfo: (() => Promise<string>) | null = null;

/** Extra state appended to timeout messages (the far ends' event logs). */
export function onTimeoutDescribe(describe: () => Promise<string>): void {
  debugInfo = describe;
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out: ${what} ${debugInfo ? await debugInfo() : ''}`);
}

/** Peak audio level the far end receives on call `n`, over about 1.2 s. */
export async function farLevel(page: Page, n: number): Promise<number> {
  let max = 0;
  for (let i = 0; i < 8; i++) {
    max = Math.max(max, (await fe(page, (f, k: number) => f.stats(k), n)).audioLevel);
    await new Promise((r) => setTimeout(r, 150));
  }
  return max;
}

/**
 * Saves every open wrap-up form. Saving is asynchronous: wait for each form to close before
 * looking for the next, or the loop clicks a form that is already on its way out.
 */
export async function saveWrapUps(agent: import('playwright-core').Page): Promise<void> {
  const forms = agent.getByTestId('sp-wrap-up-save');
  for (let open = await forms.count(); open > 0; open = await forms.count()) {
    await forms.first().click();
    await until('wrap-up saved', async () => (await forms.count()) < open);
  }
}
