import { DeskError } from '../../src-shared/contract/errors';
import { can } from '../../src-shared/domain/roles';
import type { DeskContext } from '../host/context';

/** Editing the KB is for supervisors and admins (roles.ts editKnowledge), whoever the caller. */
export function requireEditor(ctx: Pick<DeskContext, 'session'>): void {
  if (!can(ctx.session.role, 'editKnowledge')) throw new DeskError('forbidden', `role ${ctx.session.role} may not edit the knowledge base`);
}
