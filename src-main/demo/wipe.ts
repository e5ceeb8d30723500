// Removes every customer with their phones, vehicles and visits, for `seed --force`. Foreign
// keys stay on, so other capabilities' tables that point at customers see their own
// ON DELETE rules applied (or block the wipe, which then rolls back).
import type Database from 'better-sqlite3';

export function wipeCustomerData(sqlite: Database.Database): number {
  const count = (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  sqlite.transaction(() => {
    for (const table of ['service_visits', 'phones', 'vehicles', 'customers']) sqlite.exec(`DELETE FROM ${table}`);
  })();
  return count;
}
