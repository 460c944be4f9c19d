import type { Intent } from "@newind/core";
import type { FigureKind } from "../text/numbers.js";

/** What a question asks for: its intent and, for numbers, which sort of figure. */
export interface IntentAnalysis {
  intent: Intent;
  /** For number questions: the figures that would answer it. */
  figureKinds?: FigureKind[];
  /** A computation the question asks for. */
  compute?: "years-between" | "share" | "ratio" | "complement";
}

// Attributes that are figures: "what is X's revenue", "the salary of …".
const FIGURE_NOUNS =
  /\b(revenue|revenues|profit|profits|sales|salary|salaries|wage|wages|budget|budgets|cost|costs|price|prices|population|tariffs?|market share|market size|market value|valuation|turnover|headcount|employees|workforce size|exports|imports|output|gdp growth target|growth rate|growth target|interest rate|inflation|emissions)\b/;
const MONEY =
  /\b(money|budget\w*|fund\w*|invest\w*|spend\w*|spent|cost\w*|worth|dollars?|yuan|rmb|subsid\w*|revenue|price|valued?|gdp|market size)\b/;
// "how many X", and the same asked as a noun phrase: "number of X in…", "what is the total number of X".
const COUNT_NOUNS =
  /\bhow many\b|^\s*(?:the |a |total |overall )*(?:number|count) of\b|^\s*(?:what|which)(?:'s| is| was| are| were) the (?:total |overall )?(?:number|count) of\b/;
const QUANTITY_NOUNS =
  /\b(what|which)(?: is| was| are| were)?(?: the)? (?:\w+ ){0,2}(level|threshold|rate|amount|size|number|figure|total|share|percentage|proportion|fraction|value|volume|output|capacity utili[sz]ation)\b/;

/** Words that ask for the rest of a whole: "or better", "at least", "not", "the remaining". */
export const COMPLEMENT =
  /\b(?:or (?:better|more|above|higher|over|greater)|at least|at or above|not|never|remaining|the rest|the others|other than|excluding)\b|n't\b/;

const CHINESE_CUES: Array<[RegExp, Intent]> = [
  [/为什么|为何|原因/, "why"],
  [/什么时候|何时|哪一年|哪年|几时|何年/, "date"],
  [/多少|几个|几家|多久|多长|百分之|比例/, "number"],
  [/是谁|谁/, "who"],
  [/区别|不同|相比|比较|异同/, "comparison"],
  [/有哪些|哪些|列出|包括|要素|方面|措施|步骤|(?:两|三|四|五|六|几)(?:个|项|点|条)/, "list"],
  [/是什么|什么是|指什么|含义|意思|定义/, "definition"],
];

/**
 * Classifies a question's intent from its wording. Rules run from the most specific
 * (computations, figures, dates) to the most general, so "what is BYD's market share"
 * is a number question and "what is the middle-income trap" a definition.
 *
 * @example
 * detectIntent("how many car makers did china have in 2020").intent // "number"
 */
export function detectIntent(english: string, original = english): IntentAnalysis {
  const q = ` ${english.toLowerCase().replace(/[’']/g, "'")} `;
  if (/[\u4e00-\u9fff]/.test(original)) {
    for (const [pattern, intent] of CHINESE_CUES) {
      if (pattern.test(original)) {
        if (intent === "number") return { intent, figureKinds: ["count", "percent", "money", "duration"] };
        return { intent };
      }
    }
  }
  if (
    /\bhow (many|much) (years|decades|months|time)\b.*\b(between|from|since|after|before|passed|elapsed)\b/.test(
      q,
    )
  ) {
    return { intent: "number", figureKinds: ["duration"], compute: "years-between" };
  }
  if (/\bhow long (after|before|between|passed|elapsed)\b|\byears (passed|elapsed) between\b/.test(q)) {
    return { intent: "number", figureKinds: ["duration"], compute: "years-between" };
  }
  if (/\b(what|which) (share|proportion|fraction|percentage|percent)\b|\bwhat percent(age)? of\b/.test(q)) {
    return { intent: "number", figureKinds: ["percent"], compute: "share" };
  }
  if (/\bhow many times (?:as (?:many|much|large|big|high)|more|larger|bigger|higher|greater)\b/.test(q)) {
    return { intent: "number", figureKinds: ["count", "money"], compute: "ratio" };
  }
  if (/\bhow long\b/.test(q)) return { intent: "number", figureKinds: ["duration"] };
  if (COUNT_NOUNS.test(q)) {
    if (/\bhow many (years|decades|months)\b/.test(q)) return { intent: "number", figureKinds: ["duration"] };
    // "how many ran at 60% or better", "how many were not…", "how many of the rest": the part the
    // document does not count, computed from the whole and the part it does.
    if (COMPLEMENT.test(q)) return { intent: "number", figureKinds: ["count"], compute: "complement" };
    return { intent: "number", figureKinds: ["count"] };
  }
  if (
    /^\s*(percent|percentage|share|proportion|fraction)\b/.test(q) ||
    /\b(percent|percentage)\b|%/.test(q)
  ) {
    return { intent: "number", figureKinds: ["percent"] };
  }
  if (/\bhow much of\b/.test(q)) return { intent: "number", figureKinds: ["percent"] };
  if (/\bhow much\b/.test(q)) {
    return {
      intent: "number",
      figureKinds: MONEY.test(q) ? ["money"] : ["money", "count", "percent", "duration"],
    };
  }
  if (/\bhow (old|tall|heavy|expensive|rich|far|often)\b|\bhow many times\b/.test(q)) {
    return { intent: "number", figureKinds: ["count", "duration", "money"] };
  }
  if (/\bhow (large|big|small|huge|fast|high|low)\b/.test(q)) {
    return { intent: "number", figureKinds: ["money", "count", "percent"] };
  }
  if (/\bwhat (evidence|examples?|proof|data|figures|statistics|stats|numbers)\b/.test(q)) {
    return { intent: "number", figureKinds: ["count", "percent", "money", "duration"] };
  }
  if (/\bmarket share\b/.test(q)) return { intent: "number", figureKinds: ["percent"] };
  if (/^\s*(what|which)(?:'s| is| was| are| were)\b/.test(q) && FIGURE_NOUNS.test(q)) {
    return { intent: "number", figureKinds: MONEY.test(q) ? ["money"] : ["count", "percent", "money"] };
  }
  if (QUANTITY_NOUNS.test(q)) {
    return { intent: "number", figureKinds: MONEY.test(q) ? ["money"] : ["count", "percent", "money"] };
  }
  if (
    /^\s*(?:and |so |but |then )?when\b|[,;]\s*when\b|\bwhen (?:did|was|is|were|will|does|do|has|have|had|are|would|could)\b|\b(what|which) (year|month|date|day|decade)\b|\b(target|deadline|due) (year|date)\b|\bdeadline\b|\bsince when\b|\bhow soon\b|\bby when\b|\bwhat time\b|\btimeline\b/.test(
      q,
    )
  ) {
    return { intent: "date" };
  }
  if (
    /\bwhy\b|\bwhat(?:'s| is| was| are| were) the (reason|reasons|rationale|motive|logic|point)\b|\bhow come\b|\bfor what reason\b|\bwhat for\b|\b(matter|matters|important)\b.*\bfor\b|\bwhy's\b|\bpurpose\b/.test(
      q,
    )
  ) {
    return { intent: "why" };
  }
  if (
    /\bwho\b|\bwho's\b|\bwhom\b|\bwhose\b|\bname of\b|\bby whom\b/.test(q) ||
    /\bwhich (\w+ )?(company|companies|firm|firms|organi[sz]ation|organi[sz]ations|person|people|ministry|agency|institute|official|officials|leader|minister|country|countries|nation|nations|city|cities|province|provinces|body|bodies|authority|think tank|expert|experts|author|authors)\b/.test(
      q,
    )
  ) {
    return { intent: "who" };
  }
  if (
    /\b(compare|compared|comparison|differ|differs|different|difference|differences|versus|vs\.?|unlike|similar|similarity|same as|contrast)\b/.test(
      q,
    )
  ) {
    return { intent: "comparison" };
  }
  if (
    /\blist\b|\b(what|which) (are|were) (the )?(\w+ )?(main |key |four |three |five |two )?(elements|items|actions|steps|measures|priorities|directives|components|parts|pillars|areas|sectors|goals|motivators|points|ways|things|tasks|policies|activities)\b/.test(
      q,
    ) ||
    /\bwhat (did|does|do|would|will) [^?]*\b(involve|include|entail|consist|encompass|cover|require|do in practice|actually do)\b/.test(
      q,
    ) ||
    /\bwhat (were|are|was|is) [^?]*\b(told|directed|asked|instructed|ordered) to do\b/.test(q) ||
    /\b(what|which) (measures|steps|actions|directives|policies|priorities|elements|components|tasks|instructions|reforms|tools|methods|means|motivators|headwinds|challenges)\b/.test(
      q,
    ) ||
    /\bwhat are (the )?\w+(s)\b.*\bof\b/.test(q)
  ) {
    return { intent: "list" };
  }
  if (
    /^\s*(what|who) (is|are|was|were) (the |a |an )?[^,;]{1,60}\??\s*$/.test(q) ||
    /\b(meaning|define|definition|stand for|stands for|refers? to|what does [^?]+ mean|what is meant by|what do (they|you|we) mean)\b/.test(
      q,
    ) ||
    /^\s*what's (the |a |an )?[^,;]{1,60}\??\s*$/.test(q) ||
    /^\s*(tell me about|tell me more about|describe|explain|what about|who are|what are) /.test(q)
  ) {
    return { intent: "definition" };
  }
  return { intent: "other" };
}
