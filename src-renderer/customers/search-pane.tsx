import { useTranslation } from 'react-i18next';
import { can } from '../../src-shared/domain/roles';
import { errorText } from '../i18n';
import { useDesk } from '../app/desk-context';
import { searchLimit } from '../state/customer-search-slice';
import { ExportMenu } from '../transfer/export-menu';
import { ResultsList } from './results-list';
import { SearchBox } from './search-box';

export function SearchPane() {
  const { t } = useTranslation();
  const search = useDesk((s) => s.search);
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  const showExport = role !== null && can(role, 'exportCustomers') && search.hits.length > 0;
  return (
    <section className="search-pane" aria-label={t('search.label')}>
      <SearchBox />
      <div className="results-header">
        <span className="results-count" data-testid="results-count">
          {search.shownQuery ? t('search.results', { count: search.hits.length }) : '\u00a0'}
        </span>
        {showExport ? <ExportMenu /> : null}
      </div>
      {search.hits.length >= searchLimit ? <div className="results-note">{t('search.resultsCapped', { count: searchLimit })}</div> : null}
      {search.status === 'error' ? <div className="results-note is-error">{t('search.failed', { reason: errorText(t, search.error) })}</div> : null}
      {search.hits.length > 0 ? <ResultsList /> : <SearchIdle />}
    </section>
  );
}

function SearchIdle() {
  const { t } = useTranslation();
  const { shownQuery, status, query } = useDesk((s) => s.search);
  if (query.trim() && (status === 'loading' || shownQuery !== query.trim())) {
    return <div className="results-empty">{t('search.loading')}</div>;
  }
  if (shownQuery && status === 'ready') {
    return <div className="results-empty" data-testid="results-empty">{t('search.noResults', { query: shownQuery })}</div>;
  }
  const hints = t('search.idleHints', { returnObjects: true }) as string[];
  return (
    <div className="results-idle">
      <div className="results-idle-title">{t('search.idleTitle')}</div>
      <ul>{hints.map((hint) => <li key={hint}>{hint}</li>)}</ul>
    </div>
  );
}
