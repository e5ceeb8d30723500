// Knowledge base (知识库, issue 7): search during a call, browse, edit (supervisor/admin),
// version history, attachments and the editable synonym list. Editing is checked again in the
// services, so the CLI and any other caller are covered too.
import { z } from 'zod';
import { kbCategories, kbStatuses } from '../domain/knowledge/categories';
import { synonymKinds } from '../domain/knowledge/synonyms';
import { permissions } from '../domain/roles';
import { request } from './define';
import { MessageViewSchema } from './messages';

export const KbCategorySchema = z.enum(kbCategories);
export const KbStatusSchema = z.enum(kbStatuses);

const RangeSchema = z
  .object({ min: z.number().int().min(0).nullable(), max: z.number().int().min(0).nullable() })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: 'min must not exceed max' });

export const KbContextSchema = z.object({
  category: KbCategorySchema.optional(),
  model: z.string().max(64).optional(),
  mileageKm: z.number().int().min(0).max(5_000_000).optional(),
  vehicleAgeMonths: z.number().int().min(0).max(1200).optional(),
});
export type KbContext = z.infer<typeof KbContextSchema>;

export const KbAttachmentInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type KbAttachmentInfo = z.infer<typeof KbAttachmentInfoSchema>;

export const KbArticleFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(200_000),
  category: KbCategorySchema,
  tags: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  models: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
  mileage: RangeSchema.default({ min: null, max: null }),
  ageMonths: RangeSchema.default({ min: null, max: null }),
  status: KbStatusSchema.default('draft'),
  author: z.string().trim().max(64).nullable().default(null),
});
export type KbArticleFields = z.infer<typeof KbArticleFieldsSchema>;

export const KbArticleSchema = KbArticleFieldsSchema.extend({
  id: z.number().int(),
  uid: z.string(),
  slug: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  attachments: z.array(KbAttachmentInfoSchema),
});
export type KbArticle = z.infer<typeof KbArticleSchema>;

/** A snippet as text pieces; `hit` pieces are the matched words (no HTML crosses the contract). */
export const KbSnippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type KbSnippet = z.infer<typeof KbSnippetSchema>;

export const KbHitSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  category: KbCategorySchema,
  status: KbStatusSchema,
  tags: z.array(z.string()),
  models: z.array(z.string()),
  score: z.number(),
  /** The article fits the call's context (category, model, mileage/age). */
  fitsContext: z.boolean(),
  snippet: KbSnippetSchema,
});
export type KbHit = z.infer<typeof KbHitSchema>;

export const KbVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  editor: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const KbDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  lines: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  /** Other fields that changed: name → [before, after] as display text. */
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});

export const KbSynonymGroupSchema = z.object({
  kind: z.enum(synonymKinds),
  terms: z.array(z.string().trim().min(1).max(40)).min(2).max(30),
});

const editors = permissions.editKnowledge;
const idInput = z.object({ id: z.number().int().positive() });

export const knowledgeRequests = {
  'kb.search': request({
    input: z.object({
      query: z.string().max(200),
      context: KbContextSchema.optional(),
      limit: z.number().int().min(1).max(100).default(20),
      /** Drafts and archived articles too (editors only; ignored for other roles). */
      includeUnpublished: z.boolean().default(false),
      /** Hard filters (the search page's category and model); the context only re-ranks. */
      filter: z.object({ category: KbCategorySchema.optional(), model: z.string().max(64).optional() }).optional(),
    }),
    output: z.object({ hits: z.array(KbHitSchema), tookMs: z.number() }),
  }),
  'kb.suggest': request({
    input: z.object({ context: KbContextSchema, limit: z.number().int().min(1).max(50).default(8) }),
    output: z.object({ hits: z.array(KbHitSchema) }),
  }),
  'kb.list': request({
    input: z.object({
      category: KbCategorySchema.optional(),
      status: KbStatusSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ hits: z.array(KbHitSchema), total: z.number().int() }),
  }),
  'kb.get': request({ input: idInput, output: KbArticleSchema }),
  'kb.create': request({
    input: KbArticleFieldsSchema.extend({ slug: z.string().max(200).optional() }),
    output: KbArticleSchema,
    roles: editors,
  }),
  'kb.update': request({
    input: z.object({ id: z.number().int().positive(), expectedVersion: z.number().int().optional(), fields: KbArticleFieldsSchema, note: z.string().max(200).optional() }),
    output: KbArticleSchema,
    roles: editors,
  }),
  'kb.setStatus': request({
    input: z.object({ id: z.number().int().positive(), status: KbStatusSchema }),
    output: KbArticleSchema,
    roles: editors,
  }),
  'kb.history': request({ input: idInput, output: z.object({ versions: z.array(KbVersionSchema) }) }),
  'kb.diff': request({
    input: z.object({ id: z.number().int().positive(), from: z.number().int().positive(), to: z.number().int().positive() }),
    output: KbDiffSchema,
  }),
  'kb.restore': request({
    input: z.object({ id: z.number().int().positive(), version: z.number().int().positive() }),
    output: KbArticleSchema,
    roles: editors,
  }),
  'kb.addAttachment': request({
    input: z.object({ articleId: z.number().int().positive(), name: z.string().min(1).max(200), base64: z.string().max(30_000_000) }),
    output: KbAttachmentInfoSchema,
    roles: editors,
  }),
  'kb.removeAttachment': request({ input: idInput, output: z.object({ removed: z.boolean() }), roles: editors }),
  'kb.attachment': request({
    input: idInput,
    output: KbAttachmentInfoSchema.extend({ base64: z.string() }),
  }),
  /**
   * Sends a published article to a customer by email through the messages outbox (one outbox,
   * one SMTP transport, the customer's timeline): queued at once, sent when SMTP is reachable.
   */
  'kb.sendEmail': request({
    input: z.object({
      articleId: z.number().int().positive(),
      to: z.email().max(200),
      customerId: z.number().int().positive().nullable().default(null),
      note: z.string().max(2000).default(''),
      workItemId: z.number().int().positive().optional(),
    }),
    output: MessageViewSchema,
  }),
  'kb.synonyms': request({
    input: z.object({}).default({}),
    output: z.object({ groups: z.array(KbSynonymGroupSchema) }),
  }),
  'kb.saveSynonyms': request({
    input: z.object({ groups: z.array(KbSynonymGroupSchema).max(2000) }),
    output: z.object({ groups: z.array(KbSynonymGroupSchema) }),
    roles: editors,
  }),
};

export const knowledgeEvents = {
  'kb.changed': z.object({ ids: z.array(z.number().int()).optional() }),
};
