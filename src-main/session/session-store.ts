// The signed-in user of this desk. Without a dealership server (demo mode) the role is a local
// setting the user switches; once a server is configured it owns users and roles.
import type Database from 'better-sqlite3';
import { roles, type Role } from '../../src-shared/domain/roles';
import type { SessionState } from '../host/context';

const defaults: SessionState = { userName: '演示坐席', role: 'agent', locale: 'zh-CN' };

export function loadSession(sqlite: Database.Database): SessionState {
  const rows = sqlite.prepare(`SELECT key, value FROM settings WHERE key IN ('session.role', 'session.userName', 'session.locale')`).all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const role = roles.includes(stored['session.role'] as Role) ? (stored['session.role'] as Role) : defaults.role;
  const locale = stored['session.locale'] === 'en' ? 'en' : 'zh-CN';
  return { userName: stored['session.userName'] ?? defaults.userName, role, locale };
}

export function saveSession(sqlite: Database.Database, session: SessionState): void {
  const upsert = sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  sqlite.transaction(() => {
    upsert.run('session.role', session.role);
    upsert.run('session.userName', session.userName);
    upsert.run('session.locale', session.locale);
  })();
}

export const demoUserNames: Record<Role, string> = {
  agent: '演示坐席',
  advisor: '演示服务顾问',
  supervisor: '演示客服主管',
  sales: '演示销售顾问',
  admin: '演示管理员',
};
