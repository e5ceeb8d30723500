// Contract handlers for kb.* (src-shared/contract/knowledge.ts). Edit permissions are checked
// again inside the services, so the CLI and any other caller are covered too.
import { performance } from 'node:perf_hooks';
import { can } from '../../src-shared/domain/roles';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { ensureAttachmentFile } from './attachment-blobs';
import { addAttachment, readAttachment, removeAttachment } from './attachment-store';
import { articleDiff, articleHistory, createArticle, editArticle, getArticle, listArticles, restoreArticleVersion, setArticleStatus } from './article-service';
import { sendArticleByEmail } from './email-service';
import { searchArticles, suggestArticles } from './search-service';
import { loadSynonymGroups, saveSynonymGroups } from './synonym-store';

type KnowledgeMethod =
  | 'kb.search'
  | 'kb.suggest'
  | 'kb.list'
  | 'kb.get'
  | 'kb.create'
  | 'kb.update'
  | 'kb.setStatus'
  | 'kb.history'
  | 'kb.diff'
  | 'kb.restore'
  | 'kb.addAttachment'
  | 'kb.removeAttachment'
  | 'kb.attachment'
  | 'kb.sendEmail'
  | 'kb.synonyms'
  | 'kb.saveSynonyms';

function changed(ctx: DeskContext, id: number) {
  ctx.emit('kb.changed', { ids: [id] });
}

export const knowledgeHandlers: HandlersFor<KnowledgeMethod, DeskContext> = {
  'kb.search'({ query, context, limit, includeUnpublished, filter }, ctx) {
    const started = performance.now();
    const hits = searchArticles(ctx.sqlite, { query, context, limit, filter, includeUnpublished: includeUnpublished && can(ctx.session.role, 'editKnowledge') });
    return { hits, tookMs: performance.now() - started };
  },
  'kb.suggest': ({ context, limit }, ctx) => ({ hits: suggestArticles(ctx.sqlite, context, limit) }),
  'kb.list': (input, ctx) => listArticles(ctx, input),
  'kb.get': ({ id }, ctx) => getArticle(ctx, id),
  'kb.create'(input, ctx) {
    const article = createArticle(ctx, input);
    changed(ctx, article.id);
    return article;
  },
  'kb.update'({ id, fields, expectedVersion, note }, ctx) {
    const article = editArticle(ctx, id, fields, { expectedVersion, note });
    changed(ctx, id);
    return article;
  },
  'kb.setStatus'({ id, status }, ctx) {
    const article = setArticleStatus(ctx, id, status);
    changed(ctx, id);
    return article;
  },
  'kb.history': ({ id }, ctx) => ({ versions: articleHistory(ctx, id) }),
  'kb.diff': ({ id, from, to }, ctx) => articleDiff(ctx, id, from, to),
  'kb.restore'({ id, version }, ctx) {
    const article = restoreArticleVersion(ctx, id, version);
    changed(ctx, id);
    return article;
  },
  'kb.addAttachment'({ articleId, name, base64 }, ctx) {
    const info = addAttachment(ctx, articleId, name, new Uint8Array(Buffer.from(base64, 'base64')));
    changed(ctx, articleId);
    return info;
  },
  'kb.removeAttachment': ({ id }, ctx) => ({ removed: removeAttachment(ctx, id) }),
  async 'kb.attachment'({ id }, ctx) {
    // A row that came by sync may still be waiting for its bytes: fetched from the server here.
    await ensureAttachmentFile(ctx, id);
    const { bytes, articleId: _articleId, ...info } = readAttachment(ctx, id);
    return { ...info, base64: Buffer.from(bytes).toString('base64') };
  },
  'kb.sendEmail': (input, ctx) => sendArticleByEmail(ctx, input),
  'kb.synonyms': (_input, ctx) => ({ groups: loadSynonymGroups(ctx.sqlite) }),
  'kb.saveSynonyms': ({ groups }, ctx) => ({ groups: saveSynonymGroups(ctx, groups) }),
};
