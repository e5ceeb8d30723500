import type { Role } from '../../src-shared/domain/roles';
import { syncRequests } from '../../src-shared/contract/sync';

/** The roles sync.restoreConflict / sync.dismissConflict accept (the contract decides). */
export function mayResolveConflicts(role: Role): boolean {
  return (syncRequests['sync.restoreConflict'].roles as readonly string[] | undefined)?.includes(role) ?? true;
}
