// Messages (客户关怀) of issue 8: SMS and email through the outbox (sent when online, inside the
// quiet-hour windows, under opt-outs and the frequency cap), templates of seed 002, inbound
// replies matched to customers, and the care reminders due today.
import { z } from 'zod';
import { request } from './define';

export const MessageViewSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int().nullable(),
  channel: z.enum(['sms', 'email']),
  direction: z.enum(['out', 'in']),
  address: z.string(),
  templateId: z.string().nullable(),
  purpose: z.enum(['service', 'marketing', 'reply']),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'suppressed', 'received']),
  reason: z.string().nullable(),
  notBefore: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  parsed: z.record(z.string(), z.unknown()).nullable(),
});
export type MessageView = z.infer<typeof MessageViewSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
  title: z.string().trim().min(1).max(100),
  channel: z.enum(['sms', 'email']),
  purpose: z.enum(['service', 'marketing']),
  subject: z.string().max(200).nullable().optional(),
  body: z.string().min(1).max(4000),
  providerTemplateCode: z.string().max(64).nullable().optional(),
  expectsReply: z.enum(['rating', 'rsvp']).nullable().optional(),
});

export const ReminderViewSchema = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  kind: z.string(),
  vehicleId: z.number().int().nullable(),
  plate: z.string().nullable(),
  dueDate: z.string(),
  daysLeft: z.number().int(),
  urgency: z.enum(['overdue', 'soon', 'upcoming']),
  stage: z.string().nullable(),
  templateId: z.string().nullable(),
  detail: z.string().nullable(),
  /** The customer's service advisor (服务顾问), for the advisor filter. */
  advisor: z.string().nullable().optional(),
});
export type ReminderView = z.infer<typeof ReminderViewSchema>;

export const OptOutScopeSchema = z.enum(['none', 'marketing', 'all']);

export const messageRequests = {
  'messages.templates.list': request({ input: z.object({}).default({}), output: z.object({ templates: z.array(TemplateSchema) }) }),
  'messages.templates.save': request({ input: TemplateSchema, output: TemplateSchema, roles: ['supervisor', 'admin'] }),
  'messages.send': request({
    input: z.object({
      customerId: z.number().int().positive(),
      templateId: z.string().max(64),
      channel: z.enum(['sms', 'email']).optional(),
      vehicleId: z.number().int().positive().nullable().optional(),
      /** Values that override what the desk knows (date of an event, place…). */
      values: z.record(z.string().max(32), z.string().max(200)).default({}),
      workItemId: z.number().int().positive().optional(),
    }),
    output: MessageViewSchema,
  }),
  'messages.list': request({
    input: z.object({ status: z.enum(['queued', 'sending', 'sent', 'failed', 'suppressed', 'received']).optional(), customerId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ messages: z.array(MessageViewSchema) }),
  }),
  /** An inbound SMS (from the provider's reply report or typed in by an agent). */
  'messages.receive': request({
    input: z.object({ from: z.string().trim().min(3).max(40), text: z.string().max(1000), receivedAt: z.iso.datetime({ offset: true }).optional() }),
    output: z.object({ message: MessageViewSchema, customerId: z.number().int().nullable(), answered: z.number().int().nullable(), kind: z.string() }),
  }),
  'reminders.due': request({
    input: z.object({ kinds: z.array(z.string().max(32)).max(10).optional(), afterCustomerId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ reminders: z.array(ReminderViewSchema), nextCustomerId: z.number().int().nullable() }),
  }),
  /** Puts a care reminder into the follow-up queue as a call (once per reminder: idempotent). */
  'reminders.enqueue': request({
    input: z.object({ customerId: z.number().int().positive(), kind: z.string().min(1).max(32), vehicleId: z.number().int().positive().nullable().optional(), dueDate: z.iso.date(), stage: z.string().max(32).nullable().optional() }),
    output: z.object({ id: z.number().int().nullable(), created: z.boolean() }),
  }),
  /** What the desk knows to fill a template for a customer (live preview in the template editor). */
  'messages.values': request({
    input: z.object({ customerId: z.number().int().positive(), vehicleId: z.number().int().positive().nullable().optional() }),
    output: z.object({ values: z.record(z.string(), z.string()) }),
  }),
  /** The customer's opt-out (退订) on their mobile number. */
  'messages.optOut.get': request({
    input: z.object({ customerId: z.number().int().positive() }),
    output: z.object({ address: z.string().nullable(), scope: OptOutScopeSchema }),
  }),
  'messages.optOut.set': request({
    input: z.object({ customerId: z.number().int().positive(), scope: OptOutScopeSchema }),
    output: z.object({ address: z.string().nullable(), scope: OptOutScopeSchema }),
  }),
};
