// One article: title and facts (category, status, models, mileage/age range, tags), the safely
// rendered body, attachments (images shown, PDFs and documents downloadable) and the actions:
// send by email (published articles), edit / history / status changes (editors only).
import { useTranslation } from 'react-i18next';
import type { KbArticle, KbAttachmentInfo } from '../../../src-shared/contract/knowledge';
import { can } from '../../../src-shared/domain/roles';
import { useDesk } from '../../app/desk-context';
import { saveFile } from '../../transfer/save-file';
import { useKbActions } from '../start';
import { ArticleBody, useAttachmentUrls } from './article-body';
import { dateTime, formatSize, rangeText } from './format';

export function useIsEditor(): boolean {
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  return role !== null && can(role, 'editKnowledge');
}

export function ArticleView({ article, compact = false }: { article: KbArticle; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = useKbActions();
  const editor = useIsEditor();
  const mileage = rangeText(t, i18n.language, article.mileage, 'km');
  const age = rangeText(t, i18n.language, article.ageMonths, 'month');
  const published = article.status === 'published';
  return (
    <article className="kb-article" data-testid="kb-article" data-article-id={article.id}>
      <header className="kb-article-head">
        <div className="kb-article-chips">
          <span className={`kb-chip kb-cat-${article.category}`}>{t(`kb.category.${article.category}`)}</span>
          {!published ? <span className={`kb-chip kb-status-${article.status}`} data-testid="kb-article-status">{t(`kb.status.${article.status}`)}</span> : null}
          <span className="muted small">{t('kb.article.version', { v: article.version })} · {t('kb.article.updated', { by: article.updatedBy ?? article.author ?? '—', at: dateTime(article.updatedAt) })}</span>
        </div>
        <h1 data-testid="kb-article-title">{article.title}</h1>
        <div className="kb-article-actions">
          <button type="button" className="btn btn-small btn-primary" data-testid="kb-send" disabled={!published} title={published ? undefined : t('kb.article.notSendable')}
            onClick={() => actions.openSend({ id: article.id, title: article.title, attachments: article.attachments.length })}>
            ✉ {t('kb.article.send')}
          </button>
          {editor && !compact ? (
            <>
              <button type="button" className="btn btn-small" data-testid="kb-edit" onClick={() => actions.showPane('edit')}>{t('kb.article.edit')}</button>
              <button type="button" className="btn btn-small" data-testid="kb-history" onClick={() => actions.showPane('history')}>{t('kb.article.history')}</button>
              {article.status !== 'published' ? (
                <button type="button" className="btn btn-small" data-testid="kb-publish" onClick={() => void actions.setStatus(article.id, 'published')}>{t('kb.article.publish')}</button>
              ) : (
                <button type="button" className="btn btn-small btn-ghost" data-testid="kb-unpublish" onClick={() => void actions.setStatus(article.id, 'draft')}>{t('kb.article.unpublish')}</button>
              )}
              {article.status !== 'archived' ? (
                <button type="button" className="btn btn-small btn-ghost" data-testid="kb-archive" onClick={() => void actions.setStatus(article.id, 'archived')}>{t('kb.article.archive')}</button>
              ) : null}
            </>
          ) : null}
        </div>
      </header>
      <dl className="kb-facts">
        <div><dt>{t('kb.article.models')}</dt><dd>{article.models.length ? article.models.join('、') : t('kb.article.allModels')}</dd></div>
        {mileage ? <div><dt>{t('kb.article.mileage')}</dt><dd>{mileage}</dd></div> : null}
        {age ? <div><dt>{t('kb.article.age')}</dt><dd>{age}</dd></div> : null}
        {article.tags.length ? <div><dt>{t('kb.article.tags')}</dt><dd className="kb-tags">{article.tags.map((tag) => <span key={tag} className="kb-tag">{tag}</span>)}</dd></div> : null}
      </dl>
      <ArticleBody body={article.body} attachments={article.attachments} />
      {article.attachments.length ? <Attachments attachments={article.attachments} body={article.body} /> : null}
      {article.author ? <p className="muted small kb-author">{t('kb.article.author', { author: article.author })}</p> : null}
    </article>
  );
}

function Attachments({ attachments, body }: { attachments: KbAttachmentInfo[]; body: string }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const urls = useAttachmentUrls(attachments);
  const download = async (a: KbAttachmentInfo) => {
    const file = await actions.attachment(a.id);
    saveFile({ fileName: a.name.split('/').pop() ?? a.name, base64: file.base64, mime: file.mime });
  };
  return (
    <section className="kb-attachments" data-testid="kb-attachments">
      <h2>{t('kb.article.attachments')}</h2>
      <ul>
        {attachments.map((a) => {
          const inBody = body.includes(`attachment:${a.name}`);
          const url = urls.get(a.name);
          return (
            <li key={a.id} className="kb-attachment" data-testid="kb-attachment" data-name={a.name}>
              {a.mime.startsWith('image/') && url && !inBody ? <img src={url} alt={a.name} className="kb-attachment-image" /> : <span className="kb-file-icon" aria-hidden>{a.mime === 'application/pdf' ? 'PDF' : a.mime.startsWith('image/') ? 'IMG' : 'DOC'}</span>}
              <span className="kb-attachment-name">{a.name.split('/').pop()}</span>
              <span className="muted small">{formatSize(a.size)}</span>
              <button type="button" className="btn btn-small btn-ghost" data-testid="kb-attachment-download" onClick={() => void download(a)}>{t('kb.article.download')}</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
