import { describe, expect, it } from 'vitest';
import { renderArticleHtml, renderArticleMessage, renderArticleText } from './render';

describe('renderArticleHtml (safe)', () => {
  it('escapes raw HTML: no script, no event handlers, no iframes', () => {
    const html = renderArticleHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="https://x.cn"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps http(s) and mailto links and drops javascript:, data: and file: links', () => {
    const html = renderArticleHtml('[官网](https://www.ghac.cn) [邮件](mailto:kf@example.cn) [坏](javascript:alert(1)) [坏2](JaVaScRiPt:alert(1)) [数据](data:text/html,<b>x</b>) [文件](file:///etc/passwd)');
    expect(html).toContain('href="https://www.ghac.cn"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:kf@example.cn"');
    // Refused links stay visible as inert text, never as an href.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://www.ghac.cn', 'mailto:kf@example.cn']);
  });

  it('shows only attachment and inline raster images, never remote or SVG ones', () => {
    const md = '![远程](https://tracker.example.com/a.png) ![附件](attachment:brake-pad.png) ![内联](data:image/png;base64,iVBORw0KGgo=) ![svg](data:image/svg+xml;base64,PHN2Zz4=)';
    const html = renderArticleHtml(md, { resolveAttachment: (name) => (name === 'brake-pad.png' ? 'cid:att-1' : null) });
    expect(html).not.toContain('tracker.example.com');
    expect(html).toContain('[远程]');
    expect(html).toContain('<img src="cid:att-1" alt="附件">');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="内联">');
    const sources = [...html.matchAll(/src="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['cid:att-1', 'data:image/png;base64,iVBORw0KGgo=']);
  });

  it('refuses an attachment resolver that returns a remote URL', () => {
    const html = renderArticleHtml('![图](attachment:a.png)', { resolveAttachment: () => 'https://evil.example.com/a.png' });
    expect(html).not.toContain('evil.example.com');
  });
});

describe('renderArticleText', () => {
  it('gives readable plain text without Markdown syntax', () => {
    const text = renderArticleText('首保项目：\n\n1. 更换**机油**\n2. 检查[轮胎](https://a.cn)\n\n- 带行驶证');
    expect(text).toBe('首保项目：\n\n1. 更换机油\n2. 检查轮胎（https://a.cn）\n\n- 带行驶证');
  });
});

describe('renderArticleMessage', () => {
  it('puts the personal note above the article in both parts and escapes the title', () => {
    const m = renderArticleMessage({ title: '首保 <须知>', body: '带**保养手册**' }, { note: '张先生您好，资料如下。' });
    expect(m.subject).toBe('首保 <须知>');
    expect(m.html).toContain('<h1 style="font-size: 20px;">首保 &lt;须知&gt;</h1>');
    expect(m.html.indexOf('张先生您好')).toBeLessThan(m.html.indexOf('<h1'));
    expect(m.text).toContain('张先生您好，资料如下。');
    expect(m.text).toContain('带保养手册');
  });
});
