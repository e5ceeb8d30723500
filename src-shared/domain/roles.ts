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
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
