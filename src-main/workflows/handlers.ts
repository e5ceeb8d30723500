// Contract handlers of the service workflows (issue 8): thin bindings from the contract table
// (src-shared/contract/work-items.ts and its siblings) to the services of this folder.
import type { z } from 'zod';
import type { Method } from '../../src-shared/contract/index';
import type { QuestionnaireSchema } from '../../src-shared/contract/follow-ups';
import type { workflowRequests } from '../../src-shared/contract/work-items';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { appointmentDay, bookAppointment, changeAppointmentStatus, checkIn, customerCallContext } from './appointment-service';
import { followUpQueue, generateFollowUps, planFollowUps, recordFollowUp } from './follow-up-service';
import { customerOptOut, dueReminders, enqueueReminder, setCustomerOptOut } from './care-service';
import { listMessages, queueMessage, flushOutbox, receiveMessage, templateValues } from './messaging/message-service';
import { listTemplates, saveTemplate } from './messaging/template-store';
import { listQuestionnaires, saveQuestionnaire } from './questionnaire-store';
import { workflowTick } from './scheduler';
import { saveWorkflowSettings, settingsView } from './settings';
import { complaintStats, customerTimeline, rescueBoard } from './statistics';
import { createSurvey, listSurveys, previewSurvey, surveyStats } from './survey-service';
import { attachToWorkItem, commentOnWorkItem, createWorkItemView, readAttachment, transitionWorkItem, workItemDetail } from './work-item-service';
import { listWorkItems } from './work-queue';

/** The domain type has readonly arrays; the contract's output type is the same shape, mutable. */
type QuestionnaireOut = z.output<typeof QuestionnaireSchema>;

type WorkflowMethods = keyof typeof workflowRequests & Method;

export const workflowHandlers: HandlersFor<WorkflowMethods, DeskContext> = {
  'workItems.create': (input, ctx) => createWorkItemView(ctx, input),
  'workItems.get': ({ id }, ctx) => workItemDetail(ctx, id),
  'workItems.transition': (input, ctx) => transitionWorkItem(ctx, input),
  'workItems.comment': ({ id, text }, ctx) => commentOnWorkItem(ctx, id, text),
  'workItems.attach': (input, ctx) => attachToWorkItem(ctx, input),
  'workItems.attachment': ({ attachmentId }, ctx) => readAttachment(ctx, attachmentId),
  'workItems.list': (input, ctx) => listWorkItems(ctx, input),
  'workItems.stats': ({ from, to }, ctx) => complaintStats(ctx, from, to),
  'rescue.board': (_input, ctx) => rescueBoard(ctx),
  'workflows.timeline': ({ customerId, limit }, ctx) => ({ entries: customerTimeline(ctx, customerId, limit) }),
  'workflows.settings.get': (_input, ctx) => settingsView(ctx),
  'workflows.settings.set': (input, ctx) => saveWorkflowSettings(ctx, input),
  'workflows.tick': (_input, ctx) => workflowTick(ctx),
  'appointments.book': (input, ctx) => bookAppointment(ctx, input),
  'appointments.day': ({ date, advisor }, ctx) => appointmentDay(ctx, date, advisor),
  'appointments.setStatus': ({ id, status }, ctx) => changeAppointmentStatus(ctx, id, status),
  'frontDesk.callContext': ({ customerId }, ctx) => customerCallContext(ctx, customerId),
  'frontDesk.checkIn': ({ plate }, ctx) => checkIn(ctx, plate),
  'followUps.queue': ({ limit, mineOnly }, ctx) => followUpQueue(ctx, limit, mineOnly),
  'followUps.record': (input, ctx) => recordFollowUp(ctx, input),
  'followUps.generate': ({ since }, ctx) => ({ created: generateFollowUps(ctx, since) }),
  'followUps.plan': (input, ctx) => ({ ids: planFollowUps(ctx, input) }),
  'questionnaires.list': (_input, ctx) => ({ questionnaires: listQuestionnaires(ctx.sqlite) as QuestionnaireOut[] }),
  'questionnaires.save': (input, ctx) => saveQuestionnaire(ctx.sqlite, input, ctx.session.userName, ctx.now().toISOString()) as QuestionnaireOut,
  'surveys.create': (input, ctx) => createSurvey(ctx, input),
  'surveys.stats': (input, ctx) => surveyStats(ctx, input),
  'surveys.preview': ({ segment, share }, ctx) => previewSurvey(ctx, segment, share),
  'surveys.list': (_input, ctx) => listSurveys(ctx),
  'messages.templates.list': (_input, ctx) => ({ templates: listTemplates(ctx.sqlite) }),
  'messages.templates.save': (input, ctx) => saveTemplate(ctx.sqlite, { ...input, subject: input.subject ?? undefined, providerTemplateCode: input.providerTemplateCode ?? undefined, expectsReply: input.expectsReply ?? undefined }, ctx.session.userName, ctx.now().toISOString()),
  async 'messages.send'(input, ctx) {
    const queued = queueMessage(ctx, input);
    if (queued.status !== 'queued') return queued;
    await flushOutbox(ctx);
    return listMessages(ctx, { customerId: input.customerId, limit: 500 }).find((m) => m.id === queued.id) ?? queued;
  },
  'messages.list': (input, ctx) => ({ messages: listMessages(ctx, input) }),
  'messages.receive': ({ from, text, receivedAt }, ctx) => receiveMessage(ctx, from, text, receivedAt ? new Date(receivedAt) : ctx.now()),
  'reminders.due': (input, ctx) => dueReminders(ctx, input),
  'reminders.enqueue': (input, ctx) => enqueueReminder(ctx, input),
  'messages.values': ({ customerId, vehicleId }, ctx) => ({ values: templateValues(ctx, customerId, vehicleId ?? null, {}) }),
  'messages.optOut.get': ({ customerId }, ctx) => customerOptOut(ctx, customerId),
  'messages.optOut.set': ({ customerId, scope }, ctx) => setCustomerOptOut(ctx, customerId, scope),
};
