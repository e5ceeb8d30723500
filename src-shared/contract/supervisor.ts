// The supervisor's view (issue 9): dashboards whose every figure drills down to its records and
// exports to XLSX (watermarked, audited, permitted roles only), performance appraisal, the
// win-back list, the audit log, and revealing a masked phone with a reason.
import { z } from 'zod';
import { request } from './define';
import { permissions } from '../domain/roles';
import { churnReasons, winBackStatuses } from '../domain/winback/winback';
import { leadFunnelStages } from '../domain/sales/leads';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const id = z.number().int().positive();
const rateValue = z.number().nullable();

export const dashboardFigures = ['calls', 'visits', 'appointments', 'dueMaintenance', 'renewals', 'followUps', 'complaints', 'churn', 'funnel'] as const;
export type DashboardFigure = (typeof dashboardFigures)[number];

const HourRowSchema = z.object({ hour: z.number().int(), inbound: z.number().int(), answered: z.number().int(), abandoned: z.number().int(), outbound: z.number().int() });
const monthCount = <T extends z.ZodRawShape>(extra: T) => z.object({ month: z.string(), ...extra });

export const DashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** When the precomputed churn/visit figures were built (null: never — run refresh). */
  builtAt: z.string().nullable(),
  targets: z.object({ dueMaintenanceVisitRate: z.number(), appointmentRate: z.number(), appointmentRateIndustry: z.tuple([z.number(), z.number()]), renewalRate: z.number(), followUpCompletion: z.number(), complaintSlaKept: z.number(), answerRate: z.number() }),
  calls: z.object({
    byHour: z.array(HourRowSchema),
    summary: z.object({ inbound: z.number().int(), outbound: z.number().int(), answered: z.number().int(), abandoned: z.number().int(), answerRate: rateValue, avgTalkSeconds: rateValue, avgWrapUpSeconds: rateValue, avgHandleSeconds: rateValue }),
  }),
  visits: z.object({
    byMonth: z.array(monthCount({ first_maintenance: z.number(), maintenance: z.number(), repair: z.number(), accident: z.number(), warranty: z.number(), total: z.number(), byAppointment: z.number() })),
    total: z.number(), byAppointment: z.number(), appointmentRate: rateValue,
  }),
  dueMaintenance: z.object({ byMonth: z.array(monthCount({ due: z.number(), met: z.number(), rate: rateValue })), due: z.number(), met: z.number(), rate: rateValue }),
  renewals: z.object({ byMonth: z.array(monthCount({ expiring: z.number(), renewed: z.number(), lost: z.number(), rate: rateValue })), expiring: z.number(), renewed: z.number(), rate: rateValue }),
  followUps: z.array(z.object({ code: z.string(), due: z.number(), completed: z.number(), rate: rateValue })),
  complaints: z.object({ total: z.number(), replied: z.number(), slaKept: z.number(), slaMissed: z.number(), slaKeptRate: rateValue }),
  churn: z.object({
    byClass: z.array(z.object({ visitClass: z.string(), active: z.number(), at_risk: z.number(), lost: z.number(), permanently_lost: z.number(), new: z.number() })),
    byMonth: z.array(monthCount({ churned: z.number(), book: z.number(), rate: rateValue })),
    byAdvisor: z.array(z.object({ advisorId: z.number().int().nullable(), advisorName: z.string(), churned: z.number(), book: z.number(), rate: rateValue })),
  }),
  funnel: z.object({ rows: z.array(z.object({ stage: z.enum(leadFunnelStages), reached: z.number(), conversion: rateValue })), total: z.number(), won: z.number(), lost: z.number(), winRate: rateValue }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const DrillDownSchema = z.object({
  figure: z.enum(dashboardFigures),
  from: month,
  to: month,
  /** Figure-specific: an hour ('9'), a visit kind, a status, a stage, a follow-up code, a class… */
  key: z.string().max(40).optional(),
  /** Narrows to one month of the range. */
  month: month.optional(),
  advisorId: z.number().int().optional(),
});
export type DrillDownInput = z.input<typeof DrillDownSchema>;

export const RecordsSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))), total: z.number().int() });
export type Records = z.infer<typeof RecordsSchema>;

export const WinBackRowSchema = z.object({
  id: z.number().int(), customerId: z.number().int(), customerName: z.string(), phone: z.string().nullable(), advisorName: z.string().nullable(), churnStatus: z.string(), lastVisit: z.string().nullable(),
  status: z.enum(winBackStatuses), reason: z.string().nullable(), note: z.string().nullable(), importance: z.array(z.string()), owner: z.string().nullable(), callBy: z.string().nullable(),
  attempts: z.number().int(), outcomeAt: z.string().nullable(),
});
export type WinBackRow = z.infer<typeof WinBackRowSchema>;

export const AuditRowSchema = z.object({ id: z.number().int(), at: z.string(), actor: z.string(), role: z.string(), action: z.string(), customerId: z.number().int().nullable(), reason: z.string().nullable(), data: z.string().nullable() });

export const AppraisalRowSchema = z.object({
  person: z.string(), kind: z.enum(['agent', 'advisor']), score: z.number().nullable(),
  lines: z.array(z.object({ metric: z.string(), value: z.number().nullable(), target: z.number(), weight: z.number(), achievement: z.number().nullable() })),
});

export const supervisorRequests = {
  'supervisor.dashboard': request({ input: z.object({ from: month, to: month }), output: DashboardSchema, roles: permissions.viewDashboards }),
  'supervisor.drillDown': request({ input: DrillDownSchema.extend({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }), output: RecordsSchema, roles: permissions.viewDashboards }),
  /** Roles are checked in the service so a refused export is audited too. */
  'supervisor.export': request({ input: z.object({ figure: z.union([z.enum(dashboardFigures), z.literal('summary')]), from: month, to: month, key: z.string().max(40).optional(), month: month.optional(), advisorId: z.number().int().optional() }), output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() }) }),
  'supervisor.refresh': request({ input: z.object({}), output: z.object({ customers: z.number().int(), tookMs: z.number(), builtAt: z.string() }), roles: permissions.viewDashboards }),
  'supervisor.appraisal': request({ input: z.object({ month }), output: z.array(AppraisalRowSchema), roles: permissions.viewDashboards }),
  'supervisor.audit': request({ input: z.object({ action: z.string().max(40).optional(), limit: z.number().int().min(1).max(1000).default(200) }), output: z.array(AuditRowSchema), roles: permissions.viewAudit }),
  'winBack.list': request({ input: z.object({ status: z.enum(winBackStatuses).optional(), importantOnly: z.boolean().default(false), limit: z.number().int().min(1).max(1000).default(200) }), output: z.array(WinBackRowSchema), roles: permissions.workWinBack }),
  'winBack.build': request({ input: z.object({ limit: z.number().int().min(1).max(100_000).default(5000) }), output: z.object({ added: z.number().int(), important: z.number().int() }), roles: permissions.viewDashboards }),
  'winBack.record': request({ input: z.object({ id, status: z.enum(winBackStatuses), reason: z.enum(churnReasons).nullable().optional(), note: z.string().trim().max(2000).nullable().optional() }), output: WinBackRowSchema, roles: permissions.workWinBack }),
  'privacy.revealPhone': request({ input: z.object({ customerId: id, phoneId: id, reason: z.string().trim().min(2).max(300) }), output: z.object({ display: z.string() }), roles: permissions.revealPhone }),
};

export const supervisorEvents = {
  /** An unusual number of card views by one user in an hour (seed 000: data must not walk out). */
  'supervisor.alerted': z.object({ kind: z.literal('card_views'), actor: z.string(), hour: z.string(), count: z.number().int() }),
};
