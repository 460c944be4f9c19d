import type { Entry, ViewContext } from "../entries.js";
import { BLANK, type Line, segment, wrap } from "../styled-text.js";
import { answerView, inputView, sourcesView } from "./answer-view.js";
import { compareView } from "./compare-view.js";
import { headerView } from "./header-view.js";
import { helpView } from "./help-view.js";
import { kwicView } from "./kwic-view.js";
import { metricsView } from "./metrics-view.js";
import { passageView } from "./passage-view.js";
import { searchView } from "./search-view.js";
import { timelineView } from "./timeline-view.js";
import { trendView } from "./trend-view.js";

/** Lays out one transcript entry at the context's width. */
export function renderEntry(entry: Entry, context: ViewContext): Line[] {
  const width = Math.max(10, context.width);
  const sized = width === context.width ? context : { ...context, width };
  switch (entry.kind) {
    case "header":
      return headerView(sized);
    case "input":
      return inputView(entry.text, sized);
    case "answer":
      return answerView(entry.answer, entry.terms, sized);
    case "sources":
      return sourcesView(entry.answer, entry.terms, sized, entry.n);
    case "passage":
      return passageView(entry.citation, entry.terms, sized);
    case "search":
      return searchView(entry.query, entry.hits, sized);
    case "metrics":
      return metricsView(sized);
    case "timeline":
      return timelineView(sized);
    case "trend":
      return trendView(entry.trend, sized);
    case "kwic":
      return kwicView(entry.concordance, sized);
    case "compare":
      return compareView(entry.keyness, sized);
    case "help":
      return helpView(sized);
    case "notice": {
      const tone = entry.tone === "error" ? "error" : entry.tone === "success" ? "success" : "dim";
      return [...wrap([segment(entry.text, tone)], width), BLANK];
    }
  }
}
