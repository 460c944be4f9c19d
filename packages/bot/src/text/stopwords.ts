/**
 * Function words and question scaffolding: they carry no topic, so they neither retrieve
 * evidence nor count when asking whether the evidence covers the question.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with about as into onto over under " +
    "between through during before after above below up down out off than then there here " +
    "is am are was were be been being do does did doing done have has had having will would shall " +
    "should can could may might must ought i me my mine we us our ours you your yours he him his " +
    "she her hers it its they them their theirs this that these those who whom whose which what " +
    "whats when where why how whos wheres hows if because while until unless whether also just " +
    "only very really actually any some all each every both either neither no not more most much " +
    "many such own same other another again further once ever s t don't doesn't isn't aren't " +
    "wasn't weren't didn't can't won't let lets tell say said says please know give get got " +
    "thing things way ways kind sort lot lots one ones someone something anything like well even " +
    "still too quite rather seem seems seemed since against toward towards within without across among amongst along " +
    "around beyond despite upon via per onto unto whilst amid throughout"
  ).split(/\s+/),
);

/**
 * Everyday verbs and nouns that frame a question without naming its topic ("supposed to",
 * "does it matter", "what version"). They still retrieve, but a sentence need not contain
 * them to answer, and the corpus not knowing them says nothing about the topic.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    "supposed suppose matter matters mattered come comes came coming involve involves involved trying try tries " +
    "tried version versions set sets meant fix fixes happen happens happened passed pass passes mean think thinks thought " +
    "way best make makes made do does go goes going went take takes taken took use uses used using need needs " +
    "want wants wanted show shows showed keep keeps put puts look looks looked find found call calls part parts " +
    "right now last next per currently today recently ever actually exactly basically generally overall " +
    "give gives given gave get gets getting possible possibly likely really stuff idea ideas case cases fact " +
    "point points example examples sense something reason happen work works worked working able " +
    "measures steps things ways items aspects ago want wants wanted wanting play plays played " +
    "believe believes believed think thinks try trying tries works purely simply mainly mostly largely primarily " +
    "truly fully entirely exactly basically supposedly apparently certainly clearly rather quite kind sort " +
    "happen happening according plan plans planning intend intends intended hope hopes hoped manage managed " +
    "decide decided decides choose chose chosen expect expects expected seem seemed appear appears appeared " +
    "never always deal evidence proof eventually finally ultimately initially originally currently recently soon later earlier already yet"
  ).split(/\s+/),
);

/** Words that only ask ("when", "how many", "list"); dropped from content terms. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    "who what when where why which how whom whose list name named describe explain define " +
    "meaning mean means definition year years date month months day days decade many much long number percent percentage " +
    "share proportion fraction amount figure figures total compare comparison contrast versus vs"
  ).split(/\s+/),
);
