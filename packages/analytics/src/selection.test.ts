import { describe, expect, it } from "vitest";
import { makeCorpus } from "../test/make-corpus.js";
import { AnalyticsInputError } from "./errors.js";
import { selectDocuments } from "./selection.js";

const corpus = makeCorpus([
  { id: "cpc-16", published: "2002-11-08", text: "甲" },
  { id: "gwr-2003", published: "2003", text: "乙" },
  { id: "gwr-2015", published: "2015", text: "丙" },
  { id: "2019", text: "a document whose id looks like a year" },
]);

const ids = (spec: string) => selectDocuments(corpus, spec).documents.map((view) => view.document.id);

describe(selectDocuments, () => {
  it("reads ids, years and ranges (with a hyphen or an en dash), comma-separated", () => {
    expect(ids("2003-2015")).toEqual(["gwr-2003", "gwr-2015"]);
    expect(ids("2002–2003")).toEqual(["cpc-16", "gwr-2003"]);
    expect(ids("cpc-16, gwr-2015")).toEqual(["cpc-16", "gwr-2015"]);
    expect(selectDocuments(corpus, "2003-2015").label).toBe("2003–2015");
  });

  it("prefers a document id to a year", () => {
    expect(ids("2019")).toEqual(["2019"]);
  });

  it.each([
    [
      "cpc-99",
      '"cpc-99" is neither a document id of the corpus nor a year or range of years such as 2003-2015',
    ],
    ["2015-2003", "2015-2003 is not a range of years (the first year comes first)"],
    ["1961-1963", "no document in the corpus is dated 1961–1963"],
    [" , ", "a selection must name a document id or a year range"],
    [
      "x\u001b[2J",
      '"x[2J" is neither a document id of the corpus nor a year or range of years such as 2003-2015',
    ],
  ])("refuses %j with one line", (spec, message) => {
    expect(() => selectDocuments(corpus, spec)).toThrow(new AnalyticsInputError(message));
  });
});
