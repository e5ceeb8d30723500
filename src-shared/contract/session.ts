import { z } from 'zod';
import { request } from './define';
import { roles } from '../domain/roles';

export const RoleSchema = z.enum(roles);
export const LocaleSchema = z.enum(['zh-CN', 'en']);

export const SessionSchema = z.object({
  user: z.object({ name: z.string(), role: RoleSchema }),
  locale: LocaleSchema,
  host: z.enum(['electron', 'browser']),
  /** No dealership server configured: the desk runs on its local demo data. */
  demoMode: z.boolean(),
  dataDir: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const TaskProgressSchema = z.object({
  taskId: z.string(),
  label: z.string(),
  done: z.number(),
  total: z.number(),
  finished: z.boolean(),
  error: z.string().optional(),
});
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

export const sessionRequests = {
  'session.get': request({ input: z.object({}).default({}), output: SessionSchema }),
  /** Demo mode only: sign in locally as another role (a server, when configured, owns users). */
  'session.switchRole': request({ input: z.object({ role: RoleSchema }), output: SessionSchema }),
  'session.setLocale': request({ input: z.object({ locale: LocaleSchema }), output: SessionSchema }),
  'demo.seed': request({
    input: z.object({ customers: z.number().int().min(1).max(2_000_000), seed: z.number().int().default(42) }),
    output: z.object({ taskId: z.string() }),
  }),
};

export const sessionEvents = {
  'task.progress': TaskProgressSchema,
  'session.changed': SessionSchema,
};
