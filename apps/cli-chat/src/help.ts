/** The text of `newind --help`. */
export const HELP = `newind — ask about China's "New Industrialization" policy; every claim cited to the source.

Usage
  newind [chat]                   chat in the terminal (when stdin and stdout are a terminal)
  echo "question" | newind        answer each line of stdin in plain text
  newind ask "question" [--json]  one answer with its citations (no question: read from stdin)
  newind ask --jsonl              JSON lines in ({"id"?, "question", "turns"?}), JSON lines out
  newind search "query" [--limit N] [--json]
                                  ranked citation hits: exact quotes with ¶ numbers
  newind metrics [--json]         the curated figures of the corpus
  newind timeline [--json]        the dated events of the corpus
  newind sources [--json]         the documents, with the text citations index

Corpus analytics (over the primary collection of government work reports and party
congress reports, plus any --corpus folders)
  newind trend TERM… [--json|--csv]
                                  mentions per year as a bar chart; years without a
                                  document are shown as missing
  newind kwic TERM [--limit N] [--context N] [--json]
                                  every use of a term in its context
  newind collocations TERM [--json]
                                  the words that keep a term company (log-likelihood)
  newind compare A B [--json]     what A says markedly more than B; A and B are document
                                  ids or years (cpc-16, 2003-2015)

Options
  --corpus DIR            add a folder of your own .txt, .md and .html documents (repeatable;
                          NEWIND_CORPUS takes a ':'-separated list too)
  --primary               add the primary collection (61 Chinese reports, 1954–2025)
  --no-default-corpus     leave the built-in document out (for the analytics commands:
                          the primary collection)
  --translate             trend, kwic, collocations: count a term's glossary equivalents
                          too (new industrialization → 新型工业化)
  --plain                 no colour or decoration (screen readers)
  -h, --help              this help
  -v, --version           the version

Exit codes: 0 ok, 1 failure, 2 usage error. NO_COLOR turns colour off.
`;
