// The one contract between renderer and main (style.md §2). Both transports, the Electron
// preload and the browser host's WebSocket, are generated from these two tables.
import type { z } from 'zod';
import { customerEvents, customerRequests } from './customers';
import { sessionEvents, sessionRequests } from './session';
import { transferRequests } from './transfer';
import { knowledgeEvents, knowledgeRequests } from './knowledge';
import { softphoneEvents, softphoneRequests } from './softphone';
import { workflowEvents, workflowRequests } from './work-items';
import { syncEvents, syncRequests } from './sync';
import { recordingEvents, recordingRequests } from './recording';
import { salesEvents, salesRequests } from './sales';
import { insuranceRequests } from './insurance';
import { supervisorEvents, supervisorRequests } from './supervisor';
import { qualityRequests } from './quality';
import { presenceEvents, presenceRequests } from './presence';

export const requests = {
  ...sessionRequests,
  ...customerRequests,
  ...transferRequests,
  ...knowledgeRequests,
  ...softphoneRequests,
  ...workflowRequests,
  ...syncRequests,
  ...recordingRequests,
  ...salesRequests,
  ...insuranceRequests,
  ...supervisorRequests,
  ...qualityRequests,
  ...presenceRequests,
};

export const events = {
  ...sessionEvents,
  ...customerEvents,
  ...knowledgeEvents,
  ...softphoneEvents,
  ...workflowEvents,
  ...syncEvents,
  ...recordingEvents,
  ...salesEvents,
  ...supervisorEvents,
  ...presenceEvents,
};

export type Requests = typeof requests;
export type Method = keyof Requests;
export type Input<M extends Method> = z.input<Requests[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Requests[M]['input']>;
export type Output<M extends Method> = z.output<Requests[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(requests) as Method[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}

export * from './errors';
