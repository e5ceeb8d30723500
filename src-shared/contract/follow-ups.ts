// Follow-up calls (回访), questionnaires and surveys (问卷调查) of issue 8. The queue offers only
// customers that may be called now (seed 002 calling windows) and whose retry time has come.
import { z } from 'zod';
import { request } from './define';
import { followUpOutcomes, followUpTriggers } from '../domain/workflows/follow-up-rules';
import { WorkItemViewSchema } from './work-items-view';

const optionSchema = z.object({ value: z.string().min(1).max(64), label: z.string().min(1).max(200), action: z.enum(['open_complaint', 'book_appointment']).optional() });

export const QuestionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  type: z.enum(['single', 'multiple', 'rating', 'text']),
  text: z.string().min(1).max(500),
  numbered: z.boolean(),
  required: z.boolean(),
  options: z.array(optionSchema).max(20).optional(),
  scale: z.object({ min: z.number().int(), max: z.number().int(), actionAtOrBelow: z.object({ value: z.number().int(), action: z.enum(['open_complaint', 'book_appointment']) }).optional() }).optional(),
  showIf: z.object({ questionId: z.string().max(64), anyOf: z.array(z.string().max(64)).min(1).max(20) }).optional(),
});

export const QuestionnaireSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: z.string().min(1).max(100),
  purpose: z.enum(['repair_follow_up', 'sales_follow_up', 'survey']),
  script: z.string().max(2000),
  questions: z.array(QuestionSchema).min(1).max(100),
  closing: z.object({ satisfied: z.string().max(1000), notSatisfied: z.string().max(1000) }),
});

export const AnswersSchema = z.record(z.string().max(64), z.union([z.string().max(2000), z.array(z.string().max(64)).max(20), z.number()]));

export const SegmentSchema = z.object({
  /** Customers with a service visit of these kinds… */
  visitKinds: z.array(z.enum(['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'])).optional(),
  /** …between these dates. */
  visitFrom: z.iso.date().optional(),
  visitTo: z.iso.date().optional(),
  /** Vehicle model contains. */
  model: z.string().max(64).optional(),
  district: z.string().max(64).optional(),
  purchasedFrom: z.iso.date().optional(),
  purchasedTo: z.iso.date().optional(),
  membershipTier: z.string().max(32).optional(),
  /** Churn status from the last service visit (seed 003 thresholds: 6 / 12 / 24 months). */
  churnStatus: z.array(z.enum(['active', 'at_risk', 'lost', 'permanently_lost', 'new'])).max(5).optional(),
  /** Last service visit between these dates. */
  lastVisitFrom: z.iso.date().optional(),
  lastVisitTo: z.iso.date().optional(),
});

export const SurveyViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  questionnaireId: z.string(),
  share: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  tasks: z.number().int(),
  done: z.number().int(),
  responses: z.number().int(),
  byAgent: z.array(z.object({ agent: z.string(), tasks: z.number().int(), done: z.number().int() })),
});

export const followUpRequests = {
  'followUps.queue': request({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), mineOnly: z.boolean().default(false) }),
    output: z.object({ callableNow: z.boolean(), nextCallableAt: z.string().nullable(), items: z.array(WorkItemViewSchema) }),
  }),
  'followUps.record': request({
    input: z.object({
      id: z.number().int().positive(),
      outcome: z.enum(followUpOutcomes),
      answers: AnswersSchema.optional(),
      note: z.string().max(4000).optional(),
      callUid: z.string().max(100).optional(),
      /** For "wants service": where to book (defaults: customer's advisor, next free slot). */
      appointment: z.object({ advisor: z.string().max(64).optional(), date: z.iso.date().optional(), slot: z.string().max(5).optional() }).optional(),
    }),
    output: z.object({
      item: WorkItemViewSchema,
      complaintId: z.number().int().nullable(),
      appointmentId: z.number().int().nullable(),
      /** Set when the appointment could not be booked automatically (no capacity, no advisor). */
      appointmentProblem: z.string().nullable(),
    }),
  }),
  /** Creates the rule-made follow-ups (3DC/7DC…) for service visits since a date; idempotent. */
  'followUps.generate': request({
    input: z.object({ since: z.iso.date() }),
    output: z.object({ created: z.number().int() }),
  }),
  'followUps.plan': request({
    input: z.object({ trigger: z.enum(followUpTriggers), eventDate: z.iso.date(), eventKey: z.string().min(1).max(100), customerId: z.number().int().positive(), vehicleId: z.number().int().positive().nullable().optional() }),
    output: z.object({ ids: z.array(z.number().int()) }),
  }),
  'questionnaires.list': request({ input: z.object({}).default({}), output: z.object({ questionnaires: z.array(QuestionnaireSchema) }) }),
  'questionnaires.save': request({ input: QuestionnaireSchema, output: QuestionnaireSchema, roles: ['supervisor', 'admin'] }),
  'surveys.create': request({
    input: z.object({
      name: z.string().trim().min(1).max(100),
      questionnaireId: z.string().max(64),
      segment: SegmentSchema,
      share: z.number().gt(0).max(1),
      seed: z.number().int().min(0).max(2 ** 31),
      agents: z.array(z.string().trim().min(1).max(64)).min(1).max(200),
    }),
    output: z.object({ surveyId: z.number().int(), segmentSize: z.number().int(), tasks: z.number().int() }),
    roles: ['supervisor', 'admin'],
  }),
  /** Segment size and sample size before a survey is created. */
  'surveys.preview': request({
    input: z.object({ segment: SegmentSchema, share: z.number().gt(0).max(1) }),
    output: z.object({ segmentSize: z.number().int(), sampleSize: z.number().int() }),
  }),
  'surveys.list': request({
    input: z.object({}).default({}),
    output: z.object({ surveys: z.array(SurveyViewSchema), agents: z.array(z.string()), tiers: z.array(z.string()), districts: z.array(z.string()) }),
  }),
  'surveys.stats': request({
    input: z.object({ surveyId: z.number().int().positive().optional(), questionnaireId: z.string().max(64).optional() }),
    output: z.object({
      responses: z.number().int(),
      satisfied: z.number().int(),
      tasks: z.number().int(),
      done: z.number().int(),
      questions: z.array(z.object({ id: z.string(), text: z.string(), type: z.string(), counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })), average: z.number().nullable(), texts: z.array(z.string()) })),
    }),
  }),
};
