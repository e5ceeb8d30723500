import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { CardPane } from '../customers/customer-card';
import { EmptyDesk } from '../customers/empty-desk';
import { SearchPane } from '../customers/search-pane';
import { TransferPanel } from '../transfer/transfer-panel';
import { KnowledgeScreen } from '../knowledge/components/knowledge-screen';
import { SupervisorScreen } from '../supervisor/components/supervisor-screen';
import { SalesScreen } from '../sales/components/sales-screen';
import { WorkflowOverlays, WorkflowScreens } from '../workflows/components/workflow-screens';
import { isWorkflowScreen, useScreen } from '../workflows/navigation';
import { ConnectionBanner } from './connection-banner';
import { DeskContext, useDesk, type DeskHandle } from './desk-context';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';
import { useGlobalKeys } from './use-global-keys';

export function App({ handle, i18n }: { handle: DeskHandle; i18n: i18n }) {
  useGlobalKeys(handle.store, handle.actions);
  return (
    <I18nextProvider i18n={i18n}>
      <DeskContext.Provider value={handle}>
        <LocaleSync i18n={i18n} />
        <div className="app">
          <TopBar />
          <ConnectionBanner />
          <MainScreen />
          <StatusBar />
          <TransferPanel />
          <WorkflowOverlays />
        </div>
      </DeskContext.Provider>
    </I18nextProvider>
  );
}

function MainScreen() {
  const screen = useScreen();
  if (screen === 'knowledge') return <KnowledgeScreen />;
  if (screen === 'supervisor') return <SupervisorScreen />;
  if (screen === 'sales') return <SalesScreen />;
  return isWorkflowScreen(screen) ? <WorkflowScreens screen={screen} /> : <CustomersScreen />;
}

function CustomersScreen() {
  const cardOpen = useDesk((s) => s.card.openId !== null);
  const empty = useDesk((s) => s.session.counts?.customers === 0);
  return (
    <main className="workspace" data-card-open={cardOpen}>
      <SearchPane />
      {empty && !cardOpen ? <EmptyDesk /> : <CardPane />}
    </main>
  );
}

function LocaleSync({ i18n }: { i18n: i18n }) {
  const locale = useDesk((s) => s.session.locale);
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);
  return null;
}
