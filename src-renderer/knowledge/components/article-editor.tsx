// The article editor (supervisor/admin; main checks the role again): fields of the front
// matter, the Markdown body beside a live preview rendered by the same safe renderer as the
// article view, a change note, and attachments (images can be placed in the body).
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle, KbArticleFields } from '../../../src-shared/contract/knowledge';
import { kbCategories, kbStatuses, type KbCategory, type KbStatus } from '../../../src-shared/domain/knowledge/categories';
import { useDesk } from '../../app/desk-context';
import { useKbActions } from '../start';
import { ArticleBody } from './article-body';
import { formatSize } from './format';

const splitList = (text: string, pattern: RegExp) => [...new Set(text.split(pattern).map((s) => s.trim()).filter(Boolean))];
const numberOrNull = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Math.max(0, Math.round(Number(text))));

export function ArticleEditor({ article }: { article: KbArticle | null }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const userName = useDesk((s) => s.session.session?.user.name ?? null);
  const [title, setTitle] = useState(article?.title ?? '');
  const [category, setCategory] = useState<KbCategory>(article?.category ?? 'maintenance');
  const [status, setStatus] = useState<KbStatus>(article?.status ?? 'draft');
  const [tags, setTags] = useState(article?.tags.join('，') ?? '');
  const [models, setModels] = useState(article?.models.join('，') ?? '');
  const [mileage, setMileage] = useState({ min: article?.mileage.min?.toString() ?? '', max: article?.mileage.max?.toString() ?? '' });
  const [age, setAge] = useState({ min: article?.ageMonths.min?.toString() ?? '', max: article?.ageMonths.max?.toString() ?? '' });
  const [author, setAuthor] = useState(article?.author ?? userName ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const previewAttachments = useMemo(() => article?.attachments ?? [], [article]);

  const save = async () => {
    if (!title.trim() || !body.trim()) {
      setProblem(t('kb.editor.invalid'));
      return;
    }
    setProblem(null);
    setBusy(true);
    const fields: KbArticleFields = {
      title: title.trim(),
      body,
      category,
      status,
      tags: splitList(tags, /[,，、\s]+/),
      models: splitList(models, /[,，、]+/),
      mileage: { min: numberOrNull(mileage.min), max: numberOrNull(mileage.max) },
      ageMonths: { min: numberOrNull(age.min), max: numberOrNull(age.max) },
      author: author.trim() || null,
    };
    await actions.saveArticle(fields, article ? { id: article.id, expectedVersion: article.version, note: note.trim() || undefined } : {});
    setBusy(false);
  };

  const insertImage = (name: string) => {
    const el = bodyRef.current;
    const snippet = `![${name.split('/').pop()}](attachment:${name})`;
    const at = el ? el.selectionStart : body.length;
    setBody(`${body.slice(0, at)}${snippet}${body.slice(at)}`);
  };

  return (
    <form className="kb-editor" data-testid="kb-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <header className="kb-pane-head">
        <button type="button" className="btn btn-small btn-ghost" onClick={() => actions.showPane('article')}>← {t('kb.editor.cancel')}</button>
        <h1>{article ? t('kb.editor.editTitle') : t('kb.editor.newTitle')}</h1>
        <span className="kb-grow" />
        <button type="submit" className="btn btn-small btn-primary" data-testid="kb-save" disabled={busy}>{t('kb.editor.save')}</button>
      </header>
      {problem ? <div className="notice is-error">{problem}</div> : null}
      <div className="kb-editor-fields">
        <label className="kb-field kb-field-wide">{t('kb.editor.title')}<input data-testid="kb-edit-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} /></label>
        <label className="kb-field">{t('kb.editor.category')}
          <select data-testid="kb-edit-category" value={category} onChange={(e) => setCategory(e.target.value as KbCategory)}>
            {kbCategories.map((c) => <option key={c} value={c}>{t(`kb.category.${c}`)}</option>)}
          </select>
        </label>
        <label className="kb-field">{t('kb.editor.status')}
          <select data-testid="kb-edit-status" value={status} onChange={(e) => setStatus(e.target.value as KbStatus)}>
            {kbStatuses.map((s) => <option key={s} value={s}>{t(`kb.status.${s}`)}</option>)}
          </select>
        </label>
        <label className="kb-field kb-field-wide">{t('kb.editor.tags')}<input data-testid="kb-edit-tags" value={tags} onChange={(e) => setTags(e.target.value)} /></label>
        <label className="kb-field kb-field-wide">{t('kb.editor.models')}<input data-testid="kb-edit-models" value={models} onChange={(e) => setModels(e.target.value)} /></label>
        <fieldset className="kb-field kb-range">
          <legend>{t('kb.editor.mileage')}</legend>
          <input inputMode="numeric" placeholder={t('kb.editor.min')} value={mileage.min} onChange={(e) => setMileage({ ...mileage, min: e.target.value })} />
          <span>–</span>
          <input inputMode="numeric" placeholder={t('kb.editor.max')} value={mileage.max} onChange={(e) => setMileage({ ...mileage, max: e.target.value })} />
        </fieldset>
        <fieldset className="kb-field kb-range">
          <legend>{t('kb.editor.age')}</legend>
          <input inputMode="numeric" placeholder={t('kb.editor.min')} value={age.min} onChange={(e) => setAge({ ...age, min: e.target.value })} />
          <span>–</span>
          <input inputMode="numeric" placeholder={t('kb.editor.max')} value={age.max} onChange={(e) => setAge({ ...age, max: e.target.value })} />
        </fieldset>
        <label className="kb-field">{t('kb.editor.author')}<input value={author} maxLength={64} onChange={(e) => setAuthor(e.target.value)} /></label>
      </div>
      <div className="kb-editor-split">
        <label className="kb-field kb-editor-body">{t('kb.editor.body')}
          <textarea ref={bodyRef} data-testid="kb-edit-body" value={body} spellCheck={false} onChange={(e) => setBody(e.target.value)} />
          <span className="muted small">{t('kb.editor.hint')}</span>
        </label>
        <div className="kb-editor-preview" data-testid="kb-edit-preview">
          <div className="kb-preview-label">{t('kb.editor.preview')}</div>
          <h1 className="kb-preview-title">{title}</h1>
          <ArticleBody body={body} attachments={previewAttachments} testId="kb-preview-body" />
        </div>
      </div>
      {article ? <label className="kb-field kb-field-wide">{t('kb.editor.note')}<input data-testid="kb-edit-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} /></label> : null}
      <section className="kb-editor-attachments">
        <h2>{t('kb.editor.attachments')}</h2>
        {article ? (
          <>
            <ul>
              {article.attachments.map((a) => (
                <li key={a.id} className="kb-attachment">
                  <span className="kb-file-icon" aria-hidden>{a.mime === 'application/pdf' ? 'PDF' : a.mime.startsWith('image/') ? 'IMG' : 'DOC'}</span>
                  <span className="kb-attachment-name">{a.name}</span>
                  <span className="muted small">{formatSize(a.size)}</span>
                  {a.mime.startsWith('image/') ? <button type="button" className="btn btn-small btn-ghost" onClick={() => insertImage(a.name)}>{t('kb.editor.insertImage')}</button> : null}
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => void actions.removeAttachment(article.id, a.id)}>{t('kb.editor.remove')}</button>
                </li>
              ))}
            </ul>
            <input ref={fileRef} type="file" hidden data-testid="kb-attach-input" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.docx,.xlsx,.txt"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void actions.addAttachment(article.id, file);
                e.target.value = '';
              }} />
            <button type="button" className="btn btn-small" onClick={() => fileRef.current?.click()}>＋ {t('kb.editor.addAttachment')}</button>
          </>
        ) : (
          <p className="muted small">{t('kb.editor.saveFirst')}</p>
        )}
      </section>
    </form>
  );
}
