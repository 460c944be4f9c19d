import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { lineOf } from "../../chat/line-editor.js";
import { InputLine } from "./InputLine.js";

describe(InputLine, () => {
  it("shows the prompt, the text and a placeholder when empty", () => {
    const empty = render(
      <InputLine state={lineOf("")} width={40} color={false} top={0} placeholder="Ask…" />,
    );
    expect(empty.lastFrame()).toBe("›  Ask…");
    const typed = render(<InputLine state={lineOf("why now?")} width={40} color={false} top={0} />);
    expect(typed.lastFrame()).toBe("› why now?");
  });
  it("shows only the rows around the cursor of a very long line", () => {
    const text = "word ".repeat(60).trim();
    const { lastFrame } = render(
      <InputLine state={lineOf(text)} width={20} color={false} top={0} maxRows={3} />,
    );
    const rows = (lastFrame() ?? "").split("\n");
    expect(rows).toHaveLength(3);
    expect(rows[2]?.trimEnd().endsWith("word")).toBe(true);
  });
  it("keeps the prompt and says how many rows are hidden above, breaking rows between words", () => {
    const text = "the road toward new industrialization ".repeat(20).trim();
    const { lastFrame } = render(
      <InputLine state={lineOf(text)} width={30} color={false} top={0} maxRows={5} />,
    );
    const rows = (lastFrame() ?? "").split("\n");
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^› … \d+ more lines above$/);
    // Whole words on every row (the last may be the empty one the cursor waits on).
    for (const row of rows.slice(1)) expect(row).toMatch(/^(?: {2}(?:\S+ ?)+)?$/);
    expect(rows.join(" ")).not.toMatch(/industrializ\b/);
  });

  it("says how many rows are hidden below when the cursor is at the start", () => {
    const text = "word ".repeat(100).trim();
    const { lastFrame } = render(
      <InputLine state={{ text, cursor: 0 }} width={20} color={false} top={0} maxRows={4} />,
    );
    const rows = (lastFrame() ?? "").split("\n");
    expect(rows[0]?.startsWith("› word")).toBe(true);
    expect(rows[3]).toMatch(/^ {2}… \d+ more lines below$/);
  });
});
