// Follow-up completion (3DC/7DC, seed 001): of the follow-up calls due in a period, the share
// completed (the customer was reached and the call recorded), per rule code.
export interface FollowUpFact {
  code: string;
  dueDate: string;
  completed: boolean;
}

export interface CompletionRow {
  code: string;
  due: number;
  completed: number;
  rate: number | null;
}

export function followUpCompletion(items: readonly FollowUpFact[], from: string, to: string): CompletionRow[] {
  const by = new Map<string, CompletionRow>();
  for (const i of items) {
    if (i.dueDate < from || i.dueDate > to) continue;
    const row = by.get(i.code) ?? { code: i.code, due: 0, completed: 0, rate: null };
    row.due += 1;
    if (i.completed) row.completed += 1;
    by.set(i.code, row);
  }
  return [...by.values()].map((r) => ({ ...r, rate: r.due ? r.completed / r.due : null })).sort((a, b) => a.code.localeCompare(b.code));
}
