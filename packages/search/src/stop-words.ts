/**
 * English function words that carry no topic: dropped from the index and from queries.
 * Question words are included because users type them ("what", "when", "who") and the
 * document rarely uses them for the fact being asked about.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each " +
    "few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself " +
    "him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't " +
    "my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd " +
    "she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's " +
    "these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd " +
    "we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with " +
    "won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
    "also just whats whos hows wheres whens whys s t d ll re ve m o y also etc " +
    "tell say said says mean means meaning thing things get got give gave does did done doing please kind sort " +
    "really actually anyway much many way ways "
  )
    .split(" ")
    .filter((word) => word.length > 0),
);

/**
 * Chinese function and question words (什么, 哪些, 如何…): they say how a question is asked, not
 * what about. Dropped from queries (the index keeps them, as the text has them).
 */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set([
  "什么",
  "什么样",
  "哪些",
  "哪个",
  "哪位",
  "哪家",
  "哪里",
  "哪儿",
  "哪一",
  "怎么",
  "怎样",
  "如何",
  "为什么",
  "为何",
  "多少",
  "是否",
  "是不是",
  "有没有",
  "可以",
  "能否",
  "一下",
  "一些",
  "这个",
  "那个",
  "这些",
  "那些",
  "这篇",
  "本文",
  "文章",
  "请问",
  "告诉",
  "我们",
  "你们",
  "他们",
  "它们",
  "其中",
  "以及",
  "或者",
  "还是",
  "并且",
  "而且",
  "但是",
  "因为",
  "所以",
  "已经",
  "现在",
  "当时",
  "分别",
  "主要",
  "具体",
  "提到",
  "说过",
  "认为",
  "表示",
  "指出",
  "提出",
  "方面",
]);
