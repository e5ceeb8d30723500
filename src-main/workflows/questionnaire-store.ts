// Questionnaires: the seed 002 defaults, overridden or extended by dealership-edited ones
// stored in the `questionnaires` table (same id = edited default).
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import { defaultQuestionnaires } from '../../src-shared/domain/workflows/default-questionnaires';
import { validateQuestionnaire, type Questionnaire } from '../../src-shared/domain/workflows/questionnaire';
import { recordUids } from '../sync/record-tables';

export function listQuestionnaires(sqlite: Database.Database): Questionnaire[] {
  const stored = (sqlite.prepare('SELECT definition FROM questionnaires ORDER BY id').pluck().all() as string[]).map((d) => JSON.parse(d) as Questionnaire);
  const byId = new Map<string, Questionnaire>(defaultQuestionnaires.map((q) => [q.id, q]));
  for (const q of stored) byId.set(q.id, q);
  return [...byId.values()];
}

export function questionnaireById(sqlite: Database.Database, id: string): Questionnaire {
  const q = listQuestionnaires(sqlite).find((x) => x.id === id);
  if (!q) throw new DeskError('not-found', `questionnaire ${id} not found`);
  return q;
}

export function saveQuestionnaire(sqlite: Database.Database, q: Questionnaire, by: string, at: string): Questionnaire {
  const problems = validateQuestionnaire(q);
  if (problems.length) throw new DeskError('invalid-input', 'invalid questionnaire', problems.map((message) => ({ path: 'questions', message })));
  sqlite
    .prepare(`INSERT INTO questionnaires (uid, id, title, purpose, definition, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, purpose = excluded.purpose, definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(recordUids.questionnaire(q.id), q.id, q.title, q.purpose, JSON.stringify(q), at, by);
  return q;
}
