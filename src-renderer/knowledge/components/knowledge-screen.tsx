// The 知识库 screen: tabs (find articles, synonyms, email settings), the search column and the
// article pane (view, history with diff, editor). Editing controls show for editors only.
import { useTranslation } from 'react-i18next';
import { showScreen } from '../../workflows/navigation';
import { useKb, useKbActions } from '../start';
import { ArticleEditor } from './article-editor';
import { ArticleView, useIsEditor } from './article-view';
import { HistoryView } from './history-view';
import { KbSearchPanel } from './kb-search-panel';
import { MailSettings } from './mail-settings';
import { SynonymsEditor } from './synonyms-editor';
import type { KbTab } from '../state/kb-store';

export function showKnowledgeScreen(): void {
  showScreen('knowledge');
}

const tabs: KbTab[] = ['search', 'synonyms', 'mail'];

export function KnowledgeScreen() {
  const { t } = useTranslation();
  const actions = useKbActions();
  const tab = useKb((s) => s.tab);
  const editor = useIsEditor();
  const notice = useKb((s) => s.notice);
  return (
    <main className="kb-screen" data-testid="kb-screen">
      <nav className="kb-tabs" aria-label={t('kb.title')}>
        {tabs.map((item) => (
          <button key={item} type="button" className={`kb-tab${item === tab ? ' is-active' : ''}`} data-testid={`kb-tab-${item}`} onClick={() => actions.showTab(item)}>
            {t(`kb.tabs.${item}`)}
          </button>
        ))}
        <span className="kb-grow" />
        {editor ? <button type="button" className="btn btn-small btn-primary" data-testid="kb-new" onClick={() => actions.newArticle()}>＋ {t('kb.search.newArticle')}</button> : null}
      </nav>
      {notice ? (
        <div className={`notice kb-notice is-${notice.kind === 'ok' ? 'ok' : notice.kind}`} data-testid="kb-notice">
          {notice.kind === 'error' ? t('kb.errors.failed', { reason: notice.text }) : notice.text}
          <button type="button" className="btn-link small" onClick={() => actions.dismissNotice()}>✕</button>
        </div>
      ) : null}
      {tab === 'search' ? (
        <div className="kb-columns">
          <KbSearchPanel />
          <ArticlePane />
        </div>
      ) : (
        <div className="kb-single">{tab === 'synonyms' ? <SynonymsEditor /> : <MailSettings />}</div>
      )}
    </main>
  );
}

function ArticlePane() {
  const { t } = useTranslation();
  const pane = useKb((s) => s.pane);
  const article = useKb((s) => s.article);
  const editor = useIsEditor();
  let content;
  if (pane === 'new' && editor) content = <ArticleEditor key="new" article={null} />;
  else if (article.status === 'idle') content = <div className="kb-empty">{t('kb.article.pick')}</div>;
  else if (article.status === 'loading' && !article.data) content = <div className="kb-empty"><span className="search-spinner" /> {t('kb.article.loading')}</div>;
  else if (article.status === 'error' || !article.data) content = <div className="notice is-error">{t('kb.article.failed', { reason: article.error?.message ?? '' })}</div>;
  else if (pane === 'edit' && editor) content = <ArticleEditor key={`${article.data.id}:${article.data.version}`} article={article.data} />;
  else if (pane === 'history') content = <HistoryView article={article.data} />;
  else content = <ArticleView article={article.data} />;
  return <section className="kb-article-pane" data-testid="kb-article-pane">{content}</section>;
}
