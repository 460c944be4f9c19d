import type { ViewContext } from "../entries.js";
import { BLANK, type Line, line, segment, wrap } from "../styled-text.js";

/** The corpus's name for the header: the title of its one document, or a count. */
export function corpusTitle(context: Pick<ViewContext, "corpus">): string {
  const { documents } = context.corpus;
  if (documents.length === 1) return (documents[0] as { title: string }).title;
  return `${documents.length} documents`;
}

/** The chat header: name, corpus title, document count and "offline". */
export function headerView(context: ViewContext): Line[] {
  const count = context.corpus.documents.length;
  const rule = context.plain ? [] : [line(segment("─".repeat(Math.min(context.width, 72)), "dim"))];
  return [
    ...wrap([segment(corpusTitle(context), "title")], context.width, {
      first: line(segment("newind", "accent"), " · "),
      rest: line("  "),
    }),
    ...wrap(
      [
        segment(
          `${count} ${count === 1 ? "document" : "documents"} · offline · every claim cited · /help for commands`,
          "dim",
        ),
      ],
      context.width,
      { first: line("  "), rest: line("  ") },
    ),
    ...rule,
    BLANK,
  ];
}
