import { memo } from "react";
import type { Entry, ViewContext } from "../../chat/entries.js";
import { renderEntry } from "../../chat/views/render-entry.js";
import { StyledLines } from "./StyledLines.js";

/** Props of {@link TranscriptItem}. */
export interface TranscriptItemProps {
  readonly entry: Entry;
  readonly context: ViewContext;
}

/** One finished transcript entry, laid out by its view. */
export const TranscriptItem = memo(function TranscriptItem({ entry, context }: TranscriptItemProps) {
  return (
    <StyledLines
      lines={renderEntry(entry, context)}
      color={context.color}
      hyperlinks={context.hyperlinks ?? false}
    />
  );
});
