import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { lineOf } from "../chat/line-editor.js";
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
});
