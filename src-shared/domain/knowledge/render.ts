// Safe rendering of article Markdown (issue 7: "rendered safely: no script, no remote
// content"). Raw HTML is off (markdown-it html:false escapes it); links keep only http(s) and
// mailto; images only show when they are the article's own attachments (`attachment:NAME`)
// or inline raster data URIs: a remote image would tell a third party that the article was
// opened, and an SVG data URI can carry script. Everything else renders as its alt text.
import MarkdownIt from 'markdown-it';

export interface RenderOptions {
  /** URL under which an attachment is shown (app URL, or `cid:` in an email); null hides it. */
  resolveAttachment?: (name: string) => string | null;
}

const allowedLink = /^(https?:|mailto:)/i;
const rasterDataImage = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
const attachmentRef = /^attachment:(.+)$/i;

function createMarkdown(options: RenderOptions): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  // Our own checks below decide; markdown-it's default would drop data: images entirely.
  md.validateLink = (url) => allowedLink.test(url.trim()) || rasterDataImage.test(url.trim()) || attachmentRef.test(url.trim());
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href') ?? '';
    if (!allowedLink.test(href.trim())) token.attrSet('href', '#');
    else if (!/^mailto:/i.test(href.trim())) {
      token.attrSet('rel', 'noopener noreferrer');
      token.attrSet('target', '_blank');
    }
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };
  md.renderer.rules.image = (tokens, idx, _opts, _env, self) => {
    const token = tokens[idx];
    const src = (token.attrGet('src') ?? '').trim();
    const alt = self.renderInlineAsText(token.children ?? [], md.options, {});
    const url = imageUrl(src, options);
    if (!url) return alt ? `<span class="kb-image-omitted">[${md.utils.escapeHtml(alt)}]</span>` : '';
    return `<img src="${md.utils.escapeHtml(url)}" alt="${md.utils.escapeHtml(alt)}">`;
  };
  return md;
}

function imageUrl(src: string, options: RenderOptions): string | null {
  if (rasterDataImage.test(src)) return src;
  const ref = attachmentRef.exec(src);
  if (ref && options.resolveAttachment) {
    const url = options.resolveAttachment(decodeURIComponent(ref[1]));
    if (url && (/^(cid:|dealerdesk:|blob:|\/)/i.test(url) || rasterDataImage.test(url))) return url;
  }
  return null;
}

export function renderArticleHtml(markdown: string, options: RenderOptions = {}): string {
  return createMarkdown(options).render(markdown);
}

/** Plain text for the text/plain part of an email and for previews: no Markdown syntax left. */
export function renderArticleText(markdown: string): string {
  const md = createMarkdown({});
  const tokens = md.parse(markdown, {});
  const lines: string[] = [];
  let line = '';
  const listStack: { ordered: boolean; n: number }[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        listStack.push({ ordered: false, n: 0 });
        break;
      case 'ordered_list_open':
        listStack.push({ ordered: true, n: Number(token.attrGet('start') ?? 1) - 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        if (listStack.length === 0) lines.push('');
        break;
      case 'list_item_open': {
        const list = listStack[listStack.length - 1];
        list.n++;
        line = '  '.repeat(listStack.length - 1) + (list.ordered ? `${list.n}. ` : '- ');
        break;
      }
      case 'inline':
        line += inlineText(token.children ?? []);
        break;
      case 'fence':
      case 'code_block':
        lines.push(token.content.replace(/\n$/, ''), '');
        break;
      case 'hr':
        lines.push('----------', '');
        break;
      case 'paragraph_close':
      case 'heading_close':
        lines.push(line);
        line = '';
        if (listStack.length === 0) lines.push('');
        break;
      default:
        break;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function inlineText(children: { type: string; content: string; attrGet(name: string): string | null }[]): string {
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const child of children) {
    if (child.type === 'link_open') {
      href = child.attrGet('href');
      linkText = '';
    } else if (child.type === 'link_close') {
      const shown = href && allowedLink.test(href) && href.replace(/^mailto:/i, '') !== linkText ? `${linkText}（${href.replace(/^mailto:/i, '')}）` : linkText;
      out += shown;
      href = null;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      if (href !== null) linkText += ' ';
      else out += '\n';
    } else if (child.type === 'image') {
      const alt = child.content;
      if (alt) out += `[${alt}]`;
    } else if (child.type === 'text' || child.type === 'code_inline') {
      if (href !== null) linkText += child.content;
      else out += child.content;
    }
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ArticleForSending {
  title: string;
  body: string;
}

/**
 * The article as an email (HTML and plain-text parts) with the agent's personal note above it.
 * Attachments referenced in the body resolve through `resolveAttachment` (`cid:` in a mail).
 */
export function renderArticleMessage(
  article: ArticleForSending,
  options: RenderOptions & { note?: string; signature?: string } = {},
): { subject: string; html: string; text: string } {
  const note = options.note?.trim() ?? '';
  const signature = options.signature?.trim() ?? '';
  const noteHtml = note ? `<p class="kb-note">${escapeHtml(note).replace(/\n/g, '<br>')}</p><hr>` : '';
  const signatureHtml = signature ? `<hr><p class="kb-signature">${escapeHtml(signature).replace(/\n/g, '<br>')}</p>` : '';
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"></head>',
    '<body style="font-family: -apple-system, \'PingFang SC\', \'Microsoft YaHei\', sans-serif; line-height: 1.6; color: #222;">',
    noteHtml,
    `<h1 style="font-size: 20px;">${escapeHtml(article.title)}</h1>`,
    renderArticleHtml(article.body, options),
    signatureHtml,
    '</body></html>',
  ].join('\n');
  const text = [note, note ? '----------' : '', article.title, '', renderArticleText(article.body), signature ? `\n----------\n${signature}` : '']
    .filter((part, i) => part !== '' || i === 3)
    .join('\n')
    .trim();
  return { subject: article.title, html, text };
}
