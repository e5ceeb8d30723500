// Service workflows (issue 8): work items (工单) of every kind, their queues, complaint
// statistics, the rescue board and the customer timeline. Appointments, follow-ups, surveys and
// messages have their own files; this file gathers them into one table for index.ts.
import { z } from 'zod';
import { request } from './define';
import { departments, priorities, workItemKinds } from '../domain/workflows/kinds';
import { AttachmentViewSchema, HistoryEntrySchema, WorkItemDetailSchema, WorkItemViewSchema } from './work-items-view';
import { appointmentRequests } from './appointments';
import { followUpRequests } from './follow-ups';
import { messageRequests } from './messages';
import { WorkflowSettingsSchema } from './workflow-settings';

const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

export * from './work-items-view';

export const WorkItemKindSchema = z.enum(workItemKinds);
export const DepartmentSchema = z.enum(departments);

/** Rescue (救援): place as text and optional coordinates, fault, callback number, who was sent. */
export const RescueFieldsSchema = z.object({
  place: text(300).min(1),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  fault: text(1000).min(1),
  callbackPhone: text(40).min(3),
  technician: text(64).optional(),
  towTruck: text(64).optional(),
  result: text(2000).optional(),
});

/** Accident report (事故报险). */
export const AccidentFieldsSchema = z.object({
  insurer: text(100).optional(),
  claimNumber: text(100).optional(),
  accidentAt: isoTime.optional(),
  place: text(300).optional(),
  damage: text(2000).optional(),
  repairOrder: text(100).optional(),
  repairProgress: text(2000).optional(),
  costYuan: z.number().min(0).max(10_000_000).optional(),
  reportedBy: z.enum(['customer', 'insurer', 'driver', 'police', 'other']).optional(),
});

export const ComplaintFieldsSchema = z.object({
  ourFault: z.boolean().optional(),
  major: z.boolean().optional(),
  reply: text(4000).optional(),
  /** Knowledge-base article ids whose standard answers went into the reply. */
  standardAnswers: z.array(z.number().int()).max(20).optional(),
});

export const FollowUpFieldsSchema = z.object({
  code: text(16).optional(),
  questionnaireId: text(64).nullable().optional(),
  dueDate: z.iso.date().optional(),
  nextAttemptAt: isoTime.optional(),
  lastOutcome: text(32).optional(),
  phone: text(40).optional(),
  surveyId: z.number().int().optional(),
});

export const NewWorkItemSchema = z.object({
  kind: WorkItemKindSchema,
  title: text(200).min(1),
  description: text(8000).default(''),
  category: text(64).nullable().optional(),
  department: DepartmentSchema.nullable().optional(),
  priority: z.enum(priorities).default('normal'),
  owner: text(64).nullable().optional(),
  customerId: z.number().int().positive().nullable().optional(),
  vehicleId: z.number().int().positive().nullable().optional(),
  /** The call it came from (call_log.uid): linked, and its IVR choice kept. */
  callUid: text(100).nullable().optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type NewWorkItem = z.input<typeof NewWorkItemSchema>;

export const WorkQueueFilterSchema = z.object({
  /** mine: owned by me; team: my department or unowned; all: everything (supervisors). */
  scope: z.enum(['mine', 'team', 'all']).default('mine'),
  kinds: z.array(WorkItemKindSchema).max(8).optional(),
  status: z.string().max(32).optional(),
  department: DepartmentSchema.optional(),
  open: z.boolean().default(true),
  overdueOnly: z.boolean().default(false),
  customerId: z.number().int().positive().optional(),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ComplaintStatsSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  replied: z.number().int(),
  slaKept: z.number().int(),
  slaMissed: z.number().int(),
  /** Share of replied complaints replied within the deadline, 0–1 (null with none replied). */
  slaKeptRate: z.number().nullable(),
  avgHoursToReply: z.number().nullable(),
  byCategory: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byDepartment: z.array(z.object({ key: z.string(), count: z.number().int() })),
  byModel: z.array(z.object({ key: z.string(), count: z.number().int() })),
});
export type ComplaintStats = z.infer<typeof ComplaintStatsSchema>;

export const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['work_item', 'message', 'appointment', 'call']),
  id: z.number().int(),
  title: z.string(),
  detail: z.string().nullable(),
});

const workItemRequests = {
  'workItems.create': request({ input: NewWorkItemSchema, output: WorkItemViewSchema }),
  'workItems.get': request({ input: z.object({ id: z.number().int().positive() }), output: WorkItemDetailSchema }),
  'workItems.transition': request({
    input: z.object({
      id: z.number().int().positive(),
      action: z.string().min(1).max(32),
      note: text(8000).optional(),
      assignee: text(64).optional(),
      department: DepartmentSchema.optional(),
      /** Kind-specific fields to merge (rescue result, accident progress and cost). */
      fields: z.record(z.string(), z.unknown()).optional(),
      /** Optimistic lock: refused with `conflict` when the item changed meanwhile. */
      expectedVersion: z.number().int().positive().optional(),
    }),
    output: WorkItemViewSchema,
  }),
  'workItems.comment': request({ input: z.object({ id: z.number().int().positive(), text: text(8000).min(1) }), output: HistoryEntrySchema }),
  'workItems.attach': request({
    input: z.object({ id: z.number().int().positive(), name: text(200).min(1), mime: text(100).min(1), dataBase64: z.string().max(14_000_000) }),
    output: AttachmentViewSchema,
  }),
  'workItems.attachment': request({
    input: z.object({ attachmentId: z.number().int().positive() }),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
  }),
  'workItems.list': request({ input: WorkQueueFilterSchema, output: z.object({ items: z.array(WorkItemViewSchema), nextCursor: z.string().nullable() }) }),
  'workItems.stats': request({ input: z.object({ from: z.iso.date(), to: z.iso.date() }), output: ComplaintStatsSchema }),
  'rescue.board': request({ input: z.object({}).default({}), output: z.object({ columns: z.array(z.object({ status: z.string(), items: z.array(WorkItemViewSchema) })) }) }),
  'workflows.timeline': request({
    input: z.object({ customerId: z.number().int().positive(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ entries: z.array(TimelineEntrySchema) }),
  }),
  'workflows.settings.get': request({ input: z.object({}).default({}), output: WorkflowSettingsSchema }),
  'workflows.settings.set': request({ input: WorkflowSettingsSchema.partial(), output: WorkflowSettingsSchema, roles: ['supervisor', 'admin'] }),
  /** Runs the scheduler once now (the host runs it on an interval): SLA alarms, outbox. */
  'workflows.tick': request({
    input: z.object({}).default({}),
    output: z.object({ reminded: z.number().int(), escalated: z.number().int(), sent: z.number().int(), failed: z.number().int(), held: z.number().int() }),
    roles: ['supervisor', 'admin'],
  }),
};

export const workflowRequests = { ...workItemRequests, ...appointmentRequests, ...followUpRequests, ...messageRequests };

export const workflowEvents = {
  'workItems.changed': z.object({ ids: z.array(z.number().int()) }),
  'messages.changed': z.object({ ids: z.array(z.number().int()) }),
};
