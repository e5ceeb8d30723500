// The work item (工单) as the renderer sees it: the queue row, and the detail with history,
// attachments and links. Split from work-items.ts so follow-ups.ts can use it without a cycle.
import { z } from 'zod';
import { priorities, workItemKinds } from '../domain/workflows/kinds';

export const WorkItemViewSchema = z.object({
  id: z.number().int(),
  uid: z.string(),
  kind: z.enum(workItemKinds),
  status: z.string(),
  open: z.boolean(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  department: z.string().nullable(),
  priority: z.enum(priorities),
  owner: z.string().nullable(),
  createdBy: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  vehicleId: z.number().int().nullable(),
  plate: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  sla: z.object({ state: z.enum(['running', 'due_soon', 'overdue', 'met', 'missed']), minutesLeft: z.number().int() }).nullable(),
  fields: z.record(z.string(), z.unknown()),
  importance: z.array(z.string()),
  attempts: z.number().int(),
  allowedActions: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type WorkItemView = z.infer<typeof WorkItemViewSchema>;

export const HistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const AttachmentViewSchema = z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int(), createdBy: z.string(), createdAt: z.string() });

export const WorkItemDetailSchema = WorkItemViewSchema.extend({
  history: z.array(HistoryEntrySchema),
  attachments: z.array(AttachmentViewSchema),
  links: z.array(z.object({ kind: z.enum(['call', 'message', 'appointment', 'work_item']), ref: z.string() })),
});
export type WorkItemDetail = z.infer<typeof WorkItemDetailSchema>;

