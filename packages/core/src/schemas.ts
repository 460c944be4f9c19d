import { z } from "zod";

/** A half-open range `[start, end)` of UTF-16 offsets (JavaScript string indexes) into a document's raw text. */
export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((span) => span.end >= span.start, { message: "end must not be before start" });
export type Span = z.infer<typeof Span>;

/** A person credited on a document, with the role the document gives them. */
export const Author = z.object({ name: z.string().min(1), role: z.string().optional() });
export type Author = z.infer<typeof Author>;

/** A source document: `text` is the raw file content, exactly as shipped; every offset indexes it. */
export const SourceDocument = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(Author),
  publisher: z.string().optional(),
  url: z.string().url().optional(),
  /** When it was published or delivered: an ISO date, or part of one ("2003", "2023-03"). */
  published: z.string().optional(),
  /** What sort of document it is, in the words of its collection ("government-work-report"). */
  kind: z.string().min(1).optional(),
  /** Its language, as a BCP 47 tag ("zh-Hans"), when its collection says. */
  language: z.string().min(1).optional(),
  path: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

/** What a passage is, structurally. */
export const PassageKind = z.enum(["paragraph", "list-item", "quote", "heading"]);
export type PassageKind = z.infer<typeof PassageKind>;

/** Where a passage sits in the document: front matter (title, standfirst, bylines, …) or the body. */
export const PassageRole = z.enum(["title", "standfirst", "accompanying-document", "byline", "body"]);
export type PassageRole = z.infer<typeof PassageRole>;

/**
 * A block of a document. `span` covers the raw text of the block; `text` is the clean
 * text (footnote markers removed), so `text` may differ from the raw slice.
 */
export const Passage = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  kind: PassageKind,
  role: PassageRole,
  /** Body paragraph number (¶1, ¶2, …); list items carry their lead-in paragraph's number; front matter is 0. */
  paragraph: z.number().int().nonnegative(),
  span: Span,
  text: z.string(),
  footnotes: z.array(z.number().int().positive()),
  /** For list items: the id of the paragraph that introduces the list. */
  leadIn: z.string().optional(),
  /** For list items: 1-based position in the list. */
  itemNumber: z.number().int().positive().optional(),
  /** For block quotes: who is quoted. */
  speaker: z.string().optional(),
});
export type Passage = z.infer<typeof Passage>;

/** A footnote marker found in the raw text ("trap. 1", "squeeze.”3", "2035.7"). */
export const Footnote = z.object({
  n: z.number().int().positive(),
  docId: z.string().min(1),
  passageId: z.string().min(1),
  /** The marker's own characters (digits, and any space before them). */
  span: Span,
});
export type Footnote = z.infer<typeof Footnote>;

/** A sentence of a passage; its span never includes a footnote marker at its end. */
export const Sentence = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  passageId: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
  span: Span,
  text: z.string(),
});
export type Sentence = z.infer<typeof Sentence>;

/** An exact passage of a document: `quote === document.text.slice(start, end)`. */
export const Evidence = z.object({
  docId: z.string().min(1),
  passageId: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string().min(1),
});
export type Evidence = z.infer<typeof Evidence>;

/** A numbered reference in an answer; `quote === document.text.slice(start, end)`. */
export const Citation = Evidence.extend({ n: z.number().int().positive() });
export type Citation = z.infer<typeof Citation>;

/** A quantitative claim of the corpus. */
export const Metric = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  year: z.number().int().optional(),
  scope: z.string(),
  source: z.string().optional(),
  evidence: Evidence,
});
export type Metric = z.infer<typeof Metric>;

/** A dated event; `date` is ISO or partial ("2023-03", "1995", "1950s"). */
export const TimelineEvent = z.object({
  id: z.string().min(1),
  date: z.string().min(1),
  actor: z.string().optional(),
  summary: z.string().min(1),
  evidence: Evidence,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** Kinds of named things. */
export const EntityType = z.enum([
  "person",
  "organization",
  "company",
  "place",
  "concept",
  "document",
  "event",
]);
export type EntityType = z.infer<typeof EntityType>;

/** A named thing with the other names people use for it (acronyms, short forms, Chinese). */
export const Entity = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: EntityType,
  aliases: z.array(z.string().min(1)),
  description: z.string().optional(),
  evidence: Evidence,
});
export type Entity = z.infer<typeof Entity>;

/** One item of an enumerated list. */
export const ListItem = z.object({ text: z.string().min(1), evidence: Evidence });
export type ListItem = z.infer<typeof ListItem>;

/** An enumerated list of the corpus (the four elements, the telecom directives, …). */
export const EnumeratedList = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  keywords: z.array(z.string()),
  intro: Evidence,
  items: z.array(ListItem).min(1),
});
export type EnumeratedList = z.infer<typeof EnumeratedList>;

/** A domain term in English and Chinese. */
export const GlossaryTerm = z.object({
  id: z.string().min(1),
  en: z.string().min(1),
  zh: z.array(z.string().min(1)).min(1),
  /** Other English words people type for it. */
  synonyms: z.array(z.string()),
  evidence: Evidence.optional(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

/** The curated datasets. */
export const Datasets = z.object({
  metrics: z.array(Metric),
  timeline: z.array(TimelineEvent),
  entities: z.array(Entity),
  lists: z.array(EnumeratedList),
  glossary: z.array(GlossaryTerm),
});
export type Datasets = z.infer<typeof Datasets>;

/** What a question asks for. */
export const Intent = z.enum(["number", "date", "who", "list", "why", "definition", "comparison", "other"]);
export type Intent = z.infer<typeof Intent>;

/** A bot's reply: every claim in `answer` is followed by `[n]` pointing into `citations`. */
export const Answer = z.object({
  question: z.string(),
  answer: z.string(),
  abstained: z.boolean(),
  intent: Intent,
  citations: z.array(Citation),
  /** When abstaining: the closest passages, for the reader to judge. */
  related: z.array(Evidence).optional(),
});
export type Answer = z.infer<typeof Answer>;

/** One document entry of a corpus manifest. */
export const ManifestDocument = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lowercase letters, digits and dashes"),
  file: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(Author),
  publisher: z.string().optional(),
  url: z.string().url().optional(),
  published: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestDocument = z.infer<typeof ManifestDocument>;

/** A corpus folder's manifest. */
export const CorpusManifest = z.object({
  version: z.literal(1),
  documents: z.array(ManifestDocument).min(1),
});
export type CorpusManifest = z.infer<typeof CorpusManifest>;
