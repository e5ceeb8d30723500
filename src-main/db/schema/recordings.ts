// Call recordings (issue 5): one row per recording, written when it starts so that a crash leaves
// a row pointing at the partial file (status 'recording' → 'interrupted' at the next start).
// Linked to the call record by call uid (the call row may be written after the recording
// finishes), and to the customer and vehicle known at the time.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers, vehicles } from './customers';

export const recordings = sqliteTable(
  'recordings',
  {
    id: integer('id').primaryKey(),
    /** Global id: the upload's idempotency key on the dealership server. */
    uid: text('uid').notNull().unique(),
    callUid: text('call_uid'),
    agent: text('agent').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    remoteNumber: text('remote_number').notNull(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    queue: text('queue'),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    durationMs: integer('duration_ms'),
    bytes: integer('bytes').notNull().default(0),
    channels: integer('channels').notNull().default(1),
    mimeType: text('mime_type').notNull(),
    /** Relative to the data folder. */
    path: text('path').notNull(),
    status: text('status', { enum: ['recording', 'interrupted', 'finalized', 'discarded'] }).notNull(),
    /** ffmpeg rewrote the file with duration and cues; false = the chunks as recorded. */
    remuxed: integer('remuxed', { mode: 'boolean' }).notNull().default(false),
    sha256: text('sha256'),
    uploadId: text('upload_id'),
    /** When the dealership server confirmed the whole file (checksum matched). */
    uploadedAt: text('uploaded_at'),
    uploadError: text('upload_error'),
    uploadFailures: integer('upload_failures').notNull().default(0),
    localDeletedAt: text('local_deleted_at'),
  },
  (t) => [
    index('recordings_started').on(t.startedAt),
    index('recordings_agent_started').on(t.agent, t.startedAt),
    index('recordings_call').on(t.callUid),
    index('recordings_customer').on(t.customerId),
    index('recordings_status').on(t.status),
  ],
);

/** Spans where the agent paused the recording (ID or bank card numbers): silent in the file. */
export const recordingPauses = sqliteTable(
  'recording_pauses',
  {
    id: integer('id').primaryKey(),
    recordingId: integer('recording_id').notNull().references(() => recordings.id, { onDelete: 'cascade' }),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms'),
  },
  (t) => [index('recording_pauses_recording').on(t.recordingId, t.startMs)],
);
