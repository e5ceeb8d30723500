// card_open: click on a search result → the card painted (a rAF after React committed it), in
// the browser host on the 1 M desk, timed inside the page with performance.now().
import { launchChromium } from '../../test/e2e/support/chromium';
import { startBrowserHost } from '../../test/e2e/support/browser-host';
import { summarize, type BenchResult } from '../stats';

export async function measureCardOpen(dataDir: string, rounds = 60): Promise<BenchResult> {
  const running = await startBrowserHost({ dataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(running.host.url);
    const search = page.getByTestId('search-input');
    const queries = ['王', '李', '张', '刘', '陈', '杨'];
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await search.fill(queries[i % queries.length]);
      const row = page.locator('[data-testid="search-result"]').nth(i % 5);
      await row.waitFor();
      const id = await row.getAttribute('data-customer-id');
      const ms = await page.evaluate(async (customerId) => {
        const target = document.querySelector(`[data-testid="search-result"][data-customer-id="${customerId}"]`) as HTMLElement;
        delete document.body.dataset.cardPaintedFor;
        const painted = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.body.dataset.cardPaintedFor === customerId) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document.body, { attributes: true, attributeFilter: ['data-card-painted-for'] });
        });
        const t0 = performance.now();
        target.click();
        await painted;
        return performance.now() - t0;
      }, id);
      if (i >= 5) samples.push(ms);
      await page.keyboard.press('Escape');
    }
    return summarize('card_open', 'ms', samples);
  } finally {
    await browser.close();
    await running.stop();
  }
}
