// An article as an email for the later send-by-mail step (issue 7 "Sending"): subject, HTML and
// plain-text parts with the agent's note, and the attachments it carries. Images referenced in
// the body (`attachment:NAME`) become inline parts (cid:); every attachment is included.
import { DeskError } from '../../src-shared/contract/errors';
import { renderArticleMessage } from '../../src-shared/domain/knowledge/render';
import type { DeskContext } from '../host/context';
import { getArticle } from './article-service';
import { readAttachment } from './attachment-store';

export interface ArticleMessage {
  subject: string;
  html: string;
  text: string;
  attachments: { fileName: string; contentType: string; content: Buffer; cid: string }[];
}

export function articleMessage(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'now' | 'dataDir'>, articleId: number, options: { note?: string; signature?: string } = {}): ArticleMessage {
  const article = getArticle(ctx, articleId);
  if (article.status !== 'published') throw new DeskError('conflict', 'only published articles are sent to customers');
  const attachments = article.attachments.map((a, i) => {
    const file = readAttachment(ctx, a.id);
    return { fileName: a.name.split('/').pop() ?? a.name, contentType: a.mime, content: Buffer.from(file.bytes), cid: `kb-${article.id}-${i}@dealerdesk`, name: a.name };
  });
  const byName = new Map(attachments.map((a) => [a.name, a] as const));
  const byBase = new Map(attachments.map((a) => [a.fileName, a] as const));
  const rendered = renderArticleMessage(article, {
    ...options,
    resolveAttachment: (name) => {
      const a = byName.get(name) ?? byBase.get(name);
      return a && a.contentType.startsWith('image/') ? `cid:${a.cid}` : null;
    },
  });
  return { ...rendered, attachments: attachments.map(({ name: _name, ...a }) => a) };
}
