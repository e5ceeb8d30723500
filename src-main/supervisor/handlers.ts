import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { appraisal } from './appraisal-service';
import { listAudit, revealPhone } from './audit';
import { supervisorDashboard } from './dashboard-service';
import { drillDown } from './drill-down';
import { exportFigure } from './export-service';
import { refreshSupervisorFigures } from './refresh-tick';
import { buildWinBackList, listWinBacks, recordWinBack } from './winback-service';

type SupervisorMethods =
  | 'supervisor.dashboard' | 'supervisor.drillDown' | 'supervisor.export' | 'supervisor.refresh' | 'supervisor.appraisal' | 'supervisor.audit'
  | 'winBack.list' | 'winBack.build' | 'winBack.record' | 'privacy.revealPhone';

export const supervisorHandlers: HandlersFor<SupervisorMethods, DeskContext> = {
  'supervisor.dashboard': ({ from, to }, ctx) => supervisorDashboard(ctx, from, to),
  'supervisor.drillDown': ({ limit, offset, ...f }, ctx) => drillDown(ctx, f, limit, offset),
  'supervisor.export': (input, ctx) => exportFigure(ctx, input),
  'supervisor.refresh': (_input, ctx) => refreshSupervisorFigures(ctx),
  'supervisor.appraisal': ({ month }, ctx) => appraisal(ctx, month),
  'supervisor.audit': (input, ctx) => listAudit(ctx, input),
  'winBack.list': (input, ctx) => listWinBacks(ctx, input),
  'winBack.build': ({ limit }, ctx) => buildWinBackList(ctx, limit),
  'winBack.record': (input, ctx) => recordWinBack(ctx, input),
  'privacy.revealPhone': (input, ctx) => revealPhone(ctx, input),
};
