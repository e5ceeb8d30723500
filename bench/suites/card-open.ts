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
      await page.locator('[data-testid="result-row"]').nth(4).waitFor();
      // Let the list settle on this query's reply before timing the click.
      await page.waitForTimeout(300);
      const ms = await page.evaluate(async (index) => {
        const target = document.querySelectorAll<HTMLElement>('[data-testid="result-row"]')[index];
        const customerId = target.getAttribute('data-customer-id');
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
      }, i % 5);
      if (i >= 5) samples.push(ms);
      await page.keyboard.press('Escape');
    }
    return summarize('card_open', 'ms', samples);
  } finally {
    await browser.close();
    await running.stop();
  }
}
