import { can } from '../../../src-shared/domain/roles';
import { useDesk } from '../../app/desk-context';

/** Stock, orders, deliveries and contracts are the sales office's (the contract refuses others). */
export function useSalesOffice(): boolean {
  const role = useDesk((s) => s.session.session?.user.role);
  return role !== undefined && can(role, 'manageSalesOffice');
}
