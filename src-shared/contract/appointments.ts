// Appointments (预约) and the front desk (issue 8): booking against an advisor's day capacity
// (seed 003: 8–10 cars, never more than 12), the day view, and walk-in check-in by plate, which
// pops the same customer card and "why they are here" facts as an inbound call.
import { z } from 'zod';
import { request } from './define';
import { CustomerCardSchema } from './customers';

const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);

export const AppointmentViewSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  vehicleId: z.number().int().nullable(),
  plate: z.string().nullable(),
  advisor: z.string(),
  date: z.string(),
  slot: z.string(),
  kind: z.enum(['maintenance', 'repair', 'first_maintenance', 'inspection', 'viewing']),
  workRequested: z.string(),
  status: z.enum(['booked', 'checked_in', 'cancelled', 'no_show']),
  source: z.string(),
  checkedInAt: z.string().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentViewSchema>;

export const CapacityViewSchema = z.object({
  advisor: z.string(),
  booked: z.number().int(),
  target: z.number().int(),
  max: z.number().int(),
  freeToTarget: z.number().int(),
  freeToMax: z.number().int(),
  level: z.enum(['free', 'busy', 'full']),
  slots: z.array(z.object({ slot: z.string(), booked: z.number().int(), perSlot: z.number().int() })),
});

export const ReasonSchema = z.object({ kind: z.string(), vehicleId: z.number().int().nullable(), label: z.string(), date: z.string().nullable() });

export const appointmentRequests = {
  'appointments.book': request({
    input: z.object({
      customerId: z.number().int().positive(),
      vehicleId: z.number().int().positive().nullable().optional(),
      advisor: z.string().trim().min(1).max(64),
      date: z.iso.date(),
      slot: clock,
      kind: z.enum(['maintenance', 'repair', 'first_maintenance', 'inspection', 'viewing']),
      workRequested: z.string().trim().max(2000).default(''),
      /** Booking past the advisor's target (10) up to the maximum (12) needs this. */
      confirmOverTarget: z.boolean().default(false),
      source: z.enum(['phone', 'follow_up', 'reminder', 'walk_in', 'front_desk']).default('phone'),
      workItemId: z.number().int().positive().optional(),
    }),
    output: AppointmentViewSchema,
  }),
  'appointments.day': request({
    input: z.object({ date: z.iso.date(), advisor: z.string().max(64).optional() }),
    output: z.object({ appointments: z.array(AppointmentViewSchema), capacity: z.array(CapacityViewSchema), advisors: z.array(z.string()) }),
  }),
  'appointments.setStatus': request({
    input: z.object({ id: z.number().int().positive(), status: z.enum(['cancelled', 'no_show', 'booked']) }),
    output: AppointmentViewSchema,
  }),
  /** What a call or a walk-in is probably about: cars in the workshop, open complaints, appointments. */
  'frontDesk.callContext': request({
    input: z.object({ customerId: z.number().int().positive() }),
    output: z.object({
      workInProgress: z.array(z.object({ vehicleId: z.number().int().nullable(), kind: z.enum(['maintenance', 'repair', 'accident']), since: z.string() })),
      appointments: z.array(z.object({ vehicleId: z.number().int().nullable(), date: z.string() })),
      complaints: z.array(z.object({ vehicleId: z.number().int().nullable(), deadline: z.string(), summary: z.string().optional() })),
    }),
  }),
  'frontDesk.checkIn': request({
    input: z.object({ plate: z.string().trim().min(2).max(16) }),
    output: z.object({
      matches: z.array(z.object({ customerId: z.number().int(), vehicleId: z.number().int(), plate: z.string().nullable(), name: z.string() })),
      customerId: z.number().int().nullable(),
      vehicleId: z.number().int().nullable(),
      card: CustomerCardSchema.nullable(),
      reasons: z.array(ReasonSchema),
      appointment: AppointmentViewSchema.nullable(),
      openWorkItems: z.number().int(),
    }),
  }),
};
