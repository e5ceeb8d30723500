// Roles of domain.md. What the UI hides, main refuses too: services check these, not components.
export const roles = ['agent', 'advisor', 'supervisor', 'sales', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Seed 000 权限管理: customer data must not walk out with a departing employee. */
export const permissions = {
  seeFullPhones: ['supervisor', 'admin'],
  exportCustomers: ['supervisor', 'admin'],
  importCustomers: ['admin', 'supervisor'],
  backupDatabase: ['admin'],
  editKnowledge: ['supervisor', 'admin'],
  seedDemoData: ['admin', 'supervisor', 'agent', 'advisor', 'sales'],
  // Issue 9: masked numbers are revealed on demand with a reason (audited); reports and their
  // exports stay with supervisors; sales and insurance records with the people who work them.
  revealPhone: ['agent', 'advisor', 'sales', 'supervisor', 'admin'],
  viewDashboards: ['supervisor', 'admin'],
  exportReports: ['supervisor', 'admin'],
  viewAudit: ['supervisor', 'admin'],
  // Agents take leads and "tell me when it arrives" on a call; stock, orders, deliveries and
  // contracts are the sales office's.
  manageSales: ['sales', 'supervisor', 'admin', 'agent'],
  manageSalesOffice: ['sales', 'supervisor', 'admin'],
  manageInsurance: ['agent', 'advisor', 'supervisor', 'admin'],
  manageMembership: ['agent', 'advisor', 'supervisor', 'admin'],
  workWinBack: ['advisor', 'agent', 'supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
