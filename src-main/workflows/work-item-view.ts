// Row → contract view: parses the JSON columns and adds what depends on the moment and the
// viewer: the SLA clock (stopped at the reply) and the actions the viewer's role may take.
import type { WorkItemView } from '../../src-shared/contract/work-items';
import type { Role } from '../../src-shared/domain/roles';
import type { WorkItemKind } from '../../src-shared/domain/workflows/kinds';
import { slaClock } from '../../src-shared/domain/workflows/sla';
import { allowedActions, machineFor } from '../../src-shared/domain/workflows/state-machines';
import type { WorkItemRow } from './work-item-repository';

export function workItemView(row: WorkItemRow, now: Date, role: Role): WorkItemView {
  const kind = row.kind as WorkItemKind;
  const clock = row.deadlineAt ? slaClock(new Date(row.deadlineAt), now, row.repliedAt ? new Date(row.repliedAt) : row.closedAt ? new Date(row.closedAt) : null) : null;
  return {
    id: row.id,
    uid: row.uid,
    kind,
    status: row.status,
    open: Boolean(row.open),
    title: row.title,
    description: row.description,
    category: row.category,
    department: row.department,
    priority: row.priority as WorkItemView['priority'],
    owner: row.owner,
    createdBy: row.createdBy,
    customerId: row.customerId,
    customerName: row.customerName,
    vehicleId: row.vehicleId,
    plate: row.plate,
    deadlineAt: row.deadlineAt,
    sla: clock ? { state: clock.state, minutesLeft: clock.minutesLeft } : null,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    importance: JSON.parse(row.importance) as string[],
    attempts: row.attempts,
    allowedActions: allowedActions(machineFor(kind), row.status, role),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    repliedAt: row.repliedAt,
    closedAt: row.closedAt,
  };
}
