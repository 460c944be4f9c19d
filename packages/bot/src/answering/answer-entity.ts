import type { Entity } from "@newind/core";
import { acronymAsked } from "../analysis/analyze-question.js";
import { editDistance } from "../text/edit-distance.js";
import { STOPWORDS } from "../text/stopwords.js";
import { tokenize } from "../text/tokens.js";
import { MAX_ANSWER_LENGTH, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";

const ABOUT_ENTITY =
  /^\s*(?:who|what)(?:'s| is| are| was| were)\s+(?:the\s+|a\s+|an\s+)?(.+?)\s*\??\s*$|^\s*(?:tell me about|describe|explain|define)\s+(.+?)\s*\??\s*$|^\s*(.+?)\s+(?:meaning|definition)\s*\??\s*$|^\s*what (?:does|do|did|is|was) (?:the |this )?(?:article|report|analysis|authors?|document|text|paper|piece)?\s*(?:mean|meant) by (?:the )?(.+?)\s*\??\s*$|^\s*what (?:does|do|did) (?:the )?(.+?) (?:mean|stand for|refer to)\s*\??\s*$/i;

// "what does the term X refer to", "explain the concept of X": words that only ask for a definition.
const DEFINING_WORDS = new Set([
  "term",
  "concept",
  "phrase",
  "idea",
  "word",
  "expression",
  "refer",
  "refers",
  "notion",
  // What an entity's description says: "what is Cory Combs's role", "what is Jin's position".
  "role",
  "roles",
  "position",
  "job",
  "title",
  "post",
  "occupation",
  "profession",
  "affiliation",
  "background",
]);

/** A word that only asks for a definition, or a slip for one the corpus never uses ("titel"). */
function definingWord(word: string, known: boolean): boolean {
  if (DEFINING_WORDS.has(word)) return true;
  if (known || word.length < 4) return false;
  for (const defining of DEFINING_WORDS) if (editDistance(word, defining, 1) <= 1) return true;
  return false;
}

/** The entity a "who is X" / "what is X" question is about, when X is just that entity. */
export function entityInQuestion(input: StrategyInput): Entity | undefined {
  const { analysis, context } = input;
  const acronym = acronymAsked(analysis.english, analysis.entities);
  if (acronym) return acronym;
  // "金壮龙是谁？", "who's jin zhuanglong": nothing asked but the entity itself — or its
  // title where it works ("kendra schaefer's title at trivium": an entity its description names).
  if (analysis.years.length === 0) {
    for (const only of analysis.entities) {
      const described = (only.description ?? "").toLowerCase();
      const others = analysis.entities.filter((e) => e.id !== only.id);
      if (others.some((e) => ![e.name, ...e.aliases].some((n) => described.includes(n.toLowerCase()))))
        continue;
      const names = new Set(others.map((e) => e.id));
      const asksOnlyIt = analysis.query.groups.every(
        (group) =>
          group.entityId === only.id ||
          (group.entityId !== undefined && names.has(group.entityId)) ||
          definingWord(group.word.toLowerCase(), group.known),
      );
      if (asksOnlyIt) return only;
    }
  }
  const match = ABOUT_ENTITY.exec(analysis.english.replace(/[’]/g, "'"));
  if (!match) return undefined;
  const subject = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? "").trim();
  const found = context.matcher.find(subject);
  const entity = found[0];
  if (!entity || found.length > 1 || analysis.years.length > 0) return undefined;
  // Only when the subject is just the entity: "who is Jin Zhuanglong", not "who is Jin's deputy".
  const nameWords = new Set(
    [entity.name, ...entity.aliases].flatMap((name) => tokenize(name).map((t) => t.stem)),
  );
  const rest = tokenize(subject).filter(
    (t) => !STOPWORDS.has(t.word) && !nameWords.has(t.stem) && !DEFINING_WORDS.has(t.word),
  );
  return rest.length === 0 ? entity : undefined;
}

/**
 * Answers "who is X" and "what is X" from the entities dataset: the curated description,
 * cited to the entity's evidence, then the best sentence about X from the document.
 */
export function answerAboutEntity(input: StrategyInput): Draft | undefined {
  const entity = entityInQuestion(input);
  if (!entity?.description) return undefined;
  const curated = input.context.entities.find((e) => e.record.id === entity.id);
  const evidenceSentence = curated?.sentence;
  const composer = input.newComposer();
  const name = entity.name;
  const description = entity.description.replace(/\.$/, "");
  const lead =
    /^(a|an|the)\s/i.test(description) || /^[a-z]/.test(description)
      ? `${name}: ${description}.`
      : `${name}: ${description}.`;
  composer.sentence({
    text: lead,
    spans: [
      {
        docId: entity.evidence.docId,
        passageId: entity.evidence.passageId,
        paragraph: entity.evidence.paragraph,
        start: entity.evidence.start,
        end: entity.evidence.end,
      },
    ],
  });
  const sentences = evidenceSentence ? [evidenceSentence] : [];
  const support = input.ranked.find(
    (r) =>
      r.record.entityIds.has(entity.id) &&
      r.record.id !== evidenceSentence?.id &&
      r.record.passage.role === "body",
  );
  if (support) {
    const text = tidySentence(support.record.text);
    if (composer.lengthWith(text) <= MAX_ANSWER_LENGTH) {
      composer.sentence({ text, spans: [spanOf(support.record)] });
      sentences.push(support.record);
    }
  }
  const best = input.ranked.find((r) => r.record.entityIds.has(entity.id)) ?? input.ranked[0];
  return {
    composer,
    intent: input.analysis.intent === "who" ? "who" : "definition",
    sentences,
    long: false,
    best,
    confident: true,
  };
}
