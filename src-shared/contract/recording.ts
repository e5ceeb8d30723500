// Call recording capability (issue 5). The renderer mixes and encodes (it owns the media); main
// owns the file, the metadata and the upload. Chunks travel as base64 in `recording.appendChunk`
// (≈ 5 KB a second per call: measured in bench/suites/recording.ts). Sizes are validated here,
// ownership (an agent writes and hears only their own recordings) in the service.
import { z } from 'zod';
import { request } from './define';
import { maxChunkBytes, maxReadBytes, recordingModes } from '../domain/recording/policy';

const isoTime = z.iso.datetime({ offset: true });
const maxChunkBase64 = Math.ceil(maxChunkBytes / 3) * 4;

export const RecordingSettingsSchema = z.object({
  mode: z.enum(recordingModes),
  /** For mode 'queues': ACD queues (the softphone's queue header) whose calls are recorded. */
  queues: z.array(z.string().trim().min(1).max(100)).max(50),
  /** Agent on the left channel, customer on the right (quality review); else one mixed channel. */
  stereo: z.boolean(),
  /** A short tone at the start of the recording, heard by the agent and kept in the recording. */
  noticeTone: z.boolean(),
  /** 'chunk': fdatasync after every chunk (a power cut loses ≤ 1 s); 'interval': every 5 s. */
  fsync: z.enum(['chunk', 'interval']),
  /** Days a recording stays on this desk after the server confirmed it. */
  retentionDays: z.number().int().min(0).max(3650),
  /** Dealership server base URL; '' = the sync server's, if any. */
  uploadUrl: z.string().trim().regex(/^(https?:\/\/\S+)?$/i).max(300),
  uploadToken: z.string().max(500),
  diskLowMb: z.number().int().min(10).max(1_000_000),
  diskCriticalMb: z.number().int().min(1).max(1_000_000),
});
export type RecordingSettings = z.infer<typeof RecordingSettingsSchema>;

export const defaultRecordingSettings: RecordingSettings = {
  mode: 'all',
  queues: [],
  stereo: false,
  noticeTone: false,
  fsync: 'chunk',
  retentionDays: 90,
  uploadUrl: '',
  uploadToken: '',
  diskLowMb: 2048,
  diskCriticalMb: 300,
};

/** Settings as the renderer sees them: the upload token never travels back. */
export const RecordingSettingsViewSchema = RecordingSettingsSchema.omit({ uploadToken: true }).extend({ hasUploadToken: z.boolean() });
export type RecordingSettingsView = z.infer<typeof RecordingSettingsViewSchema>;

export const recordingStatuses = ['recording', 'interrupted', 'finalized', 'discarded'] as const;

export const RecordingStartSchema = z.object({
  callUid: z.string().min(1).max(100),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string().max(100),
  customerId: z.number().int().positive().nullable(),
  vehicleId: z.number().int().positive().nullable(),
  queue: z.string().max(100).nullable(),
  startedAt: isoTime,
  mimeType: z.string().regex(/^audio\/webm(;\s*codecs=opus)?$/i),
  channels: z.union([z.literal(1), z.literal(2)]),
});

export const DiskStatusSchema = z.object({
  freeBytes: z.number(),
  totalBytes: z.number(),
  level: z.enum(['ok', 'low', 'critical']),
});
export type DiskStatus = z.infer<typeof DiskStatusSchema>;

export const PauseSpanSchema = z.object({ startMs: z.number().int(), endMs: z.number().int().nullable() });

export const RecordingViewSchema = z.object({
  id: z.number().int(),
  uid: z.string(),
  callUid: z.string().nullable(),
  agent: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  vehicleId: z.number().int().nullable(),
  plate: z.string().nullable(),
  queue: z.string().nullable(),
  disposition: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  bytes: z.number().int(),
  channels: z.number().int(),
  mimeType: z.string(),
  status: z.enum(recordingStatuses),
  remuxed: z.boolean(),
  pauses: z.array(PauseSpanSchema),
  uploaded: z.boolean(),
  localAvailable: z.boolean(),
});
export type RecordingView = z.infer<typeof RecordingViewSchema>;

export const RecordingFilterSchema = z.object({
  agent: z.string().trim().max(100).optional(),
  /** Customer name, or digits of the remote number. */
  customer: z.string().trim().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  disposition: z.string().max(64).optional(),
  minSeconds: z.number().int().min(0).optional(),
  maxSeconds: z.number().int().min(0).optional(),
  status: z.enum(recordingStatuses).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type RecordingFilter = z.infer<typeof RecordingFilterSchema>;

const id = z.number().int().positive();

export const recordingRequests = {
  'recording.settings.get': request({ input: z.object({}).default({}), output: RecordingSettingsViewSchema }),
  /** `uploadToken`: omitted = keep, '' = remove. */
  'recording.settings.set': request({ input: RecordingSettingsSchema.partial(), output: RecordingSettingsViewSchema, roles: ['supervisor', 'admin'] }),
  'recording.start': request({ input: RecordingStartSchema, output: z.object({ recordingId: id, disk: DiskStatusSchema }) }),
  /** Chunks of one recording arrive in order from seq 0; a replayed seq is acknowledged and dropped. */
  'recording.appendChunk': request({
    input: z.object({ recordingId: id, seq: z.number().int().min(0).max(10_000_000), data: z.string().min(4).max(maxChunkBase64).regex(/^[A-Za-z0-9+/]+={0,2}$/) }),
    output: z.object({ bytes: z.number().int(), duplicate: z.boolean() }),
  }),
  'recording.mark': request({
    input: z.object({ recordingId: id, kind: z.enum(['pause', 'resume']), atMs: z.number().int().min(0).max(48 * 3_600_000) }),
    output: z.object({ pauses: z.array(PauseSpanSchema) }),
  }),
  'recording.finish': request({ input: z.object({ recordingId: id, endedAt: isoTime, durationMs: z.number().int().min(0) }), output: RecordingViewSchema }),
  'recording.list': request({ input: RecordingFilterSchema, output: z.object({ recordings: z.array(RecordingViewSchema), agents: z.array(z.string()) }) }),
  /** A slice of a recording's file for the player (base64). */
  'recording.read': request({
    input: z.object({ id, offset: z.number().int().min(0), length: z.number().int().min(1).max(maxReadBytes) }),
    output: z.object({ data: z.string(), totalBytes: z.number().int() }),
  }),
  /** Partial recordings left by a crash or power cut, for the agent to keep or discard. */
  'recording.recovery.list': request({ input: z.object({}).default({}), output: z.object({ recordings: z.array(RecordingViewSchema) }) }),
  'recording.recovery.resolve': request({ input: z.object({ id, action: z.enum(['keep', 'discard']) }), output: z.object({ recording: RecordingViewSchema.nullable() }) }),
  'recording.status': request({
    input: z.object({}).default({}),
    output: z.object({ disk: DiskStatusSchema, pendingUploads: z.number().int(), lastUploadError: z.string().nullable() }),
  }),
};

export const recordingEvents = {
  'recording.changed': z.object({ id: z.number().int() }),
  'recording.diskLow': DiskStatusSchema,
};
