// The one message contract between popup, content script and background. Every receiver
// validates what it gets with these schemas and ignores anything that fails, or that was sent
// by anything other than this extension.
import * as v from 'valibot';
import type { Article } from '@/lib/types';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** popup → content script: extract the article of the page. Answer: `ExtractResponse`. */
export const ExtractMessageSchema = v.strictObject({ type: v.literal('extract') });

/** popup → content script: scroll to and mark one sentence. Answer: `HighlightResponse`. */
export const HighlightMessageSchema = v.strictObject({
  type: v.literal('highlight'),
  block: Count,
  start: Count,
  end: Count,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(5000)),
});

/** popup → background: show the number of contradictions on the toolbar button. Answer: `SetBadgeResponse`. */
export const SetBadgeMessageSchema = v.strictObject({
  type: v.literal('setBadge'),
  tabId: TabId,
  count: Count,
});

const ShortText = v.pipe(v.string(), v.maxLength(500));
const LongText = v.pipe(v.string(), v.maxLength(5000));

/** A reference sentence shown in the in-page card. */
export const MarkEvidenceSchema = v.strictObject({
  outlet: ShortText,
  text: LongText,
  stance: v.picklist(['agree', 'contradict']),
  reason: LongText,
});

/** One flagged sentence to mark in the page. */
export const MarkClaimSchema = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(5000)),
  verdict: v.picklist(['contradict', 'disputed', 'agree']),
  evidence: v.pipe(v.array(MarkEvidenceSchema), v.maxLength(20)),
});

/** popup → content script: mark these sentences (replacing any earlier marks). Answer: `MarkResponse`. */
export const MarkMessageSchema = v.strictObject({
  type: v.literal('mark'),
  claims: v.pipe(v.array(MarkClaimSchema), v.maxLength(500)),
});

/** popup → content script: remove every mark and the card, restoring the page. Answer: `ClearMarksResponse`. */
export const ClearMarksMessageSchema = v.strictObject({ type: v.literal('clearMarks') });

export const MessageSchema = v.variant('type', [
  ExtractMessageSchema,
  HighlightMessageSchema,
  SetBadgeMessageSchema,
  MarkMessageSchema,
  ClearMarksMessageSchema,
]);

export type ExtractMessage = v.InferOutput<typeof ExtractMessageSchema>;
export type HighlightMessage = v.InferOutput<typeof HighlightMessageSchema>;
export type SetBadgeMessage = v.InferOutput<typeof SetBadgeMessageSchema>;
export type MarkMessage = v.InferOutput<typeof MarkMessageSchema>;
export type ClearMarksMessage = v.InferOutput<typeof ClearMarksMessageSchema>;
export type MarkClaim = v.InferOutput<typeof MarkClaimSchema>;
export type MarkEvidence = v.InferOutput<typeof MarkEvidenceSchema>;
export type Message = v.InferOutput<typeof MessageSchema>;

const BlockSchema = v.object({
  kind: v.picklist(['heading', 'paragraph', 'item', 'caption', 'quote']),
  text: v.string(),
});

/** The article crosses from the page's content script, so the popup checks its shape too. */
export const ArticleSchema = v.object({
  url: v.string(),
  title: v.string(),
  published: v.nullable(v.string()),
  lang: v.nullable(v.string()),
  siteName: v.nullable(v.string()),
  blocks: v.array(BlockSchema),
});

export const ExtractResponseSchema = v.strictObject({ article: v.nullable(ArticleSchema) });
export const HighlightResponseSchema = v.strictObject({ found: v.boolean() });
export const SetBadgeResponseSchema = v.strictObject({ ok: v.boolean() });
export const MarkResponseSchema = v.strictObject({ marked: Count, missing: Count });
export const ClearMarksResponseSchema = v.strictObject({ ok: v.boolean() });

export type ExtractResponse = { article: Article | null };
export type HighlightResponse = v.InferOutput<typeof HighlightResponseSchema>;
export type SetBadgeResponse = v.InferOutput<typeof SetBadgeResponseSchema>;
export type MarkResponse = v.InferOutput<typeof MarkResponseSchema>;
export type ClearMarksResponse = v.InferOutput<typeof ClearMarksResponseSchema>;

/** What each message is answered with. */
export interface ResponseMap {
  extract: ExtractResponse;
  highlight: HighlightResponse;
  setBadge: SetBadgeResponse;
  mark: MarkResponse;
  clearMarks: ClearMarksResponse;
}
export type ResponseFor<M extends Message> = ResponseMap[M['type']];

/** The message, or null when it does not satisfy the contract. */
export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}

/** The answer to `type`, or null when it does not satisfy the contract. */
export function parseResponse<K extends keyof ResponseMap>(type: K, raw: unknown): ResponseMap[K] | null {
  const schema = {
    extract: ExtractResponseSchema,
    highlight: HighlightResponseSchema,
    setBadge: SetBadgeResponseSchema,
    mark: MarkResponseSchema,
    clearMarks: ClearMarksResponseSchema,
  }[type];
  const result = v.safeParse(schema, raw);
  return result.success ? (result.output as ResponseMap[K]) : null;
}

/** Only this extension's own pages and scripts may talk to us. */
export function isOwnSender(sender: { id?: string } | undefined, ownId: string): boolean {
  return sender !== undefined && typeof sender.id === 'string' && sender.id.length > 0 && sender.id === ownId;
}

/** Validates a received message and its sender in one step: the message, or null to ignore it. */
export function receiveMessage(raw: unknown, sender: { id?: string } | undefined, ownId: string): Message | null {
  return isOwnSender(sender, ownId) ? parseMessage(raw) : null;
}
