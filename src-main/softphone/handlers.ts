import { maskPhone } from '../../src-shared/domain/phone';
import { can } from '../../src-shared/domain/roles';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { listCallbacks, listCallRecords, saveCallRecord, scheduleCallback } from './call-record-service';
import { dialTarget } from './dial-target';
import { recordMonitorAudit } from './monitor-audit';
import { secretStoreFor } from './secret-store';
import { digestCredentials, loadSoftphoneSettings, saveSoftphoneSettings, settingsView } from './settings-store';

type SoftphoneMethods =
  | 'softphone.settings.get'
  | 'softphone.settings.set'
  | 'softphone.credentials'
  | 'softphone.dialTarget'
  | 'softphone.calls.save'
  | 'softphone.calls.list'
  | 'softphone.callbacks.schedule'
  | 'softphone.callbacks.list'
  | 'softphone.monitor.audit';

export const softphoneHandlers: HandlersFor<SoftphoneMethods, DeskContext> = {
  'softphone.settings.get'(_input, ctx) {
    return settingsView(loadSoftphoneSettings(ctx.sqlite), secretStoreFor(ctx));
  },
  'softphone.settings.set'(input, ctx) {
    const secrets = secretStoreFor(ctx);
    const saved = saveSoftphoneSettings(ctx.sqlite, secrets, input);
    ctx.log.info('softphone settings saved', { passwordChanged: input.password !== undefined, secretStore: secrets.kind });
    return settingsView(saved, secrets);
  },
  'softphone.credentials'(_input, ctx) {
    return digestCredentials(loadSoftphoneSettings(ctx.sqlite), secretStoreFor(ctx));
  },
  'softphone.dialTarget'(input, ctx) {
    const target = dialTarget(ctx.sqlite, input, { revealPhones: can(ctx.session.role, 'seeFullPhones') });
    ctx.log.info('softphone click-to-dial', { agent: ctx.session.userName, customerId: target.customerId, phoneId: target.phoneId });
    return target;
  },
  'softphone.calls.save'(record, ctx) {
    const id = saveCallRecord(ctx.sqlite, record, ctx.session.userName);
    ctx.emit('softphone.calls.changed', { uid: record.uid });
    return { id };
  },
  'softphone.calls.list'(filter, ctx) {
    return { records: listCallRecords(ctx.sqlite, filter) };
  },
  'softphone.callbacks.schedule'(input, ctx) {
    return { id: scheduleCallback(ctx.sqlite, input, ctx.session.userName, ctx.now()) };
  },
  'softphone.callbacks.list'({ status, limit }, ctx) {
    return { callbacks: listCallbacks(ctx.sqlite, status, limit, can(ctx.session.role, 'seeFullPhones') ? (p) => p : maskPhone) };
  },
  'softphone.monitor.audit'(input, ctx) {
    return { id: recordMonitorAudit(ctx, input) };
  },
};
