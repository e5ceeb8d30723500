// A desk window as an agent sees it: zh-CN, Shanghai time, 1440×900, page errors surfaced, the
// search box ready. And the demo-mode role switch, waited until the desk has applied it.
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

export async function openDeskPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  page.on('pageerror', (error) => console.error('[page]', error.message));
  await page.goto(url);
  await page.getByTestId('search-input').waitFor();
  return page;
}

export async function switchRole(page: Page, role: string): Promise<void> {
  await page.getByTestId('role-switcher').selectOption(role);
  await expect.poll(() => page.getByTestId('role-switcher').inputValue()).toBe(role);
  await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
}
