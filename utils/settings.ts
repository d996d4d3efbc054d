// The reader's settings and "this verdict is wrong" reports, as stored in `browser.storage.local`.
// Stored data is read back through these schemas: anything malformed falls back to the defaults
// (settings) or is dropped (feedback entries), so a bad value can never break the popup.
import * as v from 'valibot';

export type FlaggedVerdict = 'contradict' | 'disputed' | 'agree';
export const FLAGGED_VERDICTS: readonly FlaggedVerdict[] = ['contradict', 'disputed', 'agree'];

export interface MarkSettings {
  /** Mark flagged sentences in the page after a check. */
  enabled: boolean;
  /** Which verdicts get marks. */
  verdicts: FlaggedVerdict[];
}

export const DEFAULT_MARK_SETTINGS: MarkSettings = { enabled: true, verdicts: [...FLAGGED_VERDICTS] };

const FlaggedVerdictSchema = v.picklist(['contradict', 'disputed', 'agree']);

export const MarkSettingsSchema = v.object({
  enabled: v.boolean(),
  verdicts: v.pipe(v.array(FlaggedVerdictSchema), v.maxLength(3)),
});

export function parseMarkSettings(raw: unknown): MarkSettings {
  const result = v.safeParse(MarkSettingsSchema, raw);
  if (!result.success) return { ...DEFAULT_MARK_SETTINGS, verdicts: [...DEFAULT_MARK_SETTINGS.verdicts] };
  // Unique, in the canonical order.
  return { enabled: result.output.enabled, verdicts: FLAGGED_VERDICTS.filter((x) => result.output.verdicts.includes(x)) };
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const FeedbackEntrySchema = v.object({
  id: Text(100),
  createdAt: Text(40),
  url: Text(2000),
  title: Text(500),
  claim: Text(5000),
  verdict: FlaggedVerdictSchema,
  suggested: v.picklist(['contradict', 'disputed', 'agree', 'unverified']),
  note: Text(1000),
  strictness: v.picklist(['conservative', 'balanced']),
  /** The reference sources the verdict cited. */
  sources: v.pipe(v.array(Text(500)), v.maxLength(20)),
});

export type FeedbackEntry = v.InferOutput<typeof FeedbackEntrySchema>;
export type FeedbackInput = Omit<FeedbackEntry, 'id' | 'createdAt'>;

/** Most reports kept; the oldest go first. */
export const MAX_FEEDBACK = 500;

/** The stored list, keeping only well-formed entries. */
export function parseFeedback(raw: unknown): FeedbackEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const result = v.safeParse(FeedbackEntrySchema, item);
    return result.success ? [result.output] : [];
  });
}

export function addFeedback(list: readonly FeedbackEntry[], entry: FeedbackEntry): FeedbackEntry[] {
  return [...list, entry].slice(-MAX_FEEDBACK);
}

export function removeFeedback(list: readonly FeedbackEntry[], id: string): FeedbackEntry[] {
  return list.filter((entry) => entry.id !== id);
}

/** The export file's content: the entries and what produced them, as readable JSON. */
export function feedbackJson(list: readonly FeedbackEntry[], version: string): string {
  return `${JSON.stringify({ format: 'crosscheck-feedback', version, entries: list }, null, 2)}\n`;
}
