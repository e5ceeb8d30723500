// Audit entries of live monitoring (issue 9, seed 000 权限管理): who listened or whispered to
// whom and when, and every refusal. Written into the supervisor audit log, so the existing
// audit screen lists them. A role that may not monitor is refused here (and the attempt logged)
// whatever the renderer showed: the supervisor's desk asks before it dials.
import { DeskError } from '../../src-shared/contract/errors';
import type { MonitorAuditInput } from '../../src-shared/contract/softphone';
import { canMonitor } from '../../src-shared/domain/softphone/monitor';
import type { DeskContext } from '../host/context';
import { audit } from '../supervisor/audit';

type Ctx = Pick<DeskContext, 'sqlite' | 'session' | 'now' | 'emit'>;

export function monitorAuditAction(input: Pick<MonitorAuditInput, 'side' | 'event'>): string {
  return `${input.side === 'supervisor' ? 'monitor' : 'monitored'}_${input.event}`;
}

export function recordMonitorAudit(ctx: Ctx, input: MonitorAuditInput): number {
  const data = { peer: input.peer, mode: input.mode, callUid: input.callUid, status: input.status };
  if (input.side === 'supervisor' && !canMonitor(ctx.session.role)) {
    audit(ctx, 'monitor_forbidden', { data });
    throw new DeskError('forbidden', `role ${ctx.session.role} may not listen to calls`);
  }
  return audit(ctx, monitorAuditAction(input), { data });
}
