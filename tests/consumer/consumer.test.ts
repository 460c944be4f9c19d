/**
 * The six publishable packages as another project gets them: packed with `pnpm pack`,
 * installed with plain npm into a temporary project outside the workspace, then used
 * from an ESM script and from TypeScript under `module`/`moduleResolution: NodeNext`.
 * One pack and one install serve every assertion below.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const packages = ["core", "cache", "data", "search", "bot", "analytics"] as const;
type PackageName = (typeof packages)[number];

/** Subpath entries beside the root: each zod-free, for code (the CLI's startup) that must not load zod. */
const SUBPATHS: Record<PackageName, Record<string, { types: string; default: string }>> = {
  core: { "./text": { types: "./dist/text.d.ts", default: "./dist/text.js" } },
  cache: {},
  data: { "./loaders": { types: "./dist/loaders.d.ts", default: "./dist/loaders.js" } },
  search: {},
  bot: {},
  analytics: {},
};

interface Manifest {
  name: string;
  version: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

interface CitationLike {
  docId: string;
  start: number;
  end: number;
  quote: string;
}

/** Environment for the consumer's npm: none of pnpm's or the workspace's npm_* settings. */
function plainEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$|TURBO_)/i.test(key)) environment[key] = value;
  }
  return { ...environment, NO_COLOR: "1", npm_config_update_notifier: "false" };
}

function run(command: string, args: string[], cwd: string, environment = process.env): string {
  const result = spawnSync(command, args, { cwd, env: environment, encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The workspace's pnpm: on PATH when run through `npx pnpm@…`, else fetched through npx. */
function pnpm(args: string[], cwd: string): string {
  if (spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0) return run("pnpm", args, cwd);
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    packageManager: string;
  };
  return run("npx", ["-y", packageManager, ...args], cwd);
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, "utf8")) as Manifest;
}

/** The first ```ts block of a README: the example its package promises runs. */
function readmeExample(name: PackageName): string | undefined {
  const path = join(root, "packages", name, "README.md");
  if (!existsSync(path)) return undefined;
  return /```(?:ts|typescript)\n([\s\S]*?)```/.exec(readFileSync(path, "utf8"))?.[1];
}

let workDirectory = "";
let project = "";
const tarballs = new Map<PackageName, string>();

beforeAll(() => {
  for (const name of packages) {
    if (!existsSync(join(root, "packages", name, "dist", "index.js"))) {
      throw new Error(
        `packages/${name}/dist is missing: run \`pnpm build\` (turbo builds it before this test)`,
      );
    }
  }
  workDirectory = mkdtempSync(join(tmpdir(), "newind-consumer-"));
  const tarballDirectory = join(workDirectory, "tarballs");
  mkdirSync(tarballDirectory);
  for (const name of packages) {
    const before = new Set(readdirSync(tarballDirectory));
    pnpm(["pack", "--pack-destination", tarballDirectory], join(root, "packages", name));
    const tarball = readdirSync(tarballDirectory).find((file) => !before.has(file) && file.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for @newind/${name}`);
    tarballs.set(name, join(tarballDirectory, tarball));
  }

  project = join(workDirectory, "project");
  mkdirSync(join(project, "src"), { recursive: true });
  const dependencies: Record<string, string> = {};
  for (const [name, tarball] of tarballs) dependencies[`@newind/${name}`] = `file:${tarball}`;
  // The consumer compiles for Node with the same @types/node the workspace resolved.
  const typesNode = readManifest(join(root, "node_modules", "@types", "node", "package.json")).version;
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify(
      {
        name: "newind-consumer",
        version: "1.0.0",
        private: true,
        type: "module",
        dependencies: { ...dependencies, "@types/node": typesNode },
        // The packed packages depend on each other by version ("0.1.0"): point those at the
        // tarballs too, so npm never asks the registry for an unpublished @newind package.
        overrides: Object.fromEntries(Object.keys(dependencies).map((name) => [name, `$${name}`])),
      },
      null,
      2,
    )}\n`,
  );
  copyFileSync(join(fixtures, "search-and-ask.mjs"), join(project, "search-and-ask.mjs"));
  copyFileSync(join(fixtures, "tsconfig.json"), join(project, "tsconfig.json"));
  copyFileSync(join(fixtures, "public-types.ts"), join(project, "src", "public-types.ts"));
  for (const name of packages) {
    const example = readmeExample(name);
    if (example !== undefined) writeFileSync(join(project, "src", `readme-${name}.ts`), example);
  }

  // Offline first (the npm cache usually has the third-party dependencies); a cold cache
  // falls back to an ordinary install that prefers what is cached.
  const install = ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"];
  try {
    run("npm", [...install, "--offline"], project, plainEnvironment());
  } catch {
    run("npm", [...install, "--prefer-offline"], project, plainEnvironment());
  }
}, 240_000);

afterAll(() => {
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe("the packed packages", () => {
  it.each(packages)("@newind/%s installs without workspace-only protocols or conditions", (name) => {
    const installed = join(project, "node_modules", "@newind", name);
    const manifest = readManifest(join(installed, "package.json"));
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/"(workspace|catalog):/);
    expect(text).not.toContain("@newind/source");
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.exports).toEqual({
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      ...SUBPATHS[name],
      "./package.json": "./package.json",
    });
    for (const entry of Object.values(manifest.exports as Record<string, object | string>)) {
      if (typeof entry === "object") expect(Object.keys(entry)[0]).toBe("types");
    }
    expect(existsSync(join(installed, "dist", "index.d.ts"))).toBe(true);
    expect(existsSync(join(installed, "LICENSE"))).toBe(true);
    // Tests stay in the repository.
    const shipped = execFileSync("tar", ["-tzf", tarballs.get(name) ?? ""], { encoding: "utf8" }).split("\n");
    expect(shipped.filter((file) => /\.test\.tsx?$/.test(file))).toEqual([]);
  });

  it("ships the corpus and datasets with @newind/data and the prebuilt index with @newind/search", () => {
    const data = join(project, "node_modules", "@newind", "data");
    expect(readdirSync(join(data, "corpus")).some((file) => file.endsWith(".txt"))).toBe(true);
    // The primary collection: its 61 texts, its manifest, and (with the built-in corpus's) the
    // build-time snapshot of it, in the package's store.
    expect(readdirSync(join(data, "corpus", "primary")).filter((file) => file.endsWith(".txt"))).toHaveLength(
      61,
    );
    expect(existsSync(join(data, "corpus", "primary", "manifest.json"))).toBe(true);
    const entries = (dir: string, kind: string) =>
      readdirSync(join(dir, "dist", "store")).filter((file) =>
        new RegExp(`^${kind}-[0-9a-f]{64}\\.json$`).test(file),
      );
    expect(entries(data, "corpus")).toHaveLength(2);
    expect(existsSync(join(data, "datasets"))).toBe(true);
    expect(entries(join(project, "node_modules", "@newind", "search"), "index")).toHaveLength(1);
  });
});

describe("an ESM consumer", () => {
  let output: {
    documents: { id: string; text: string }[];
    hits: CitationLike[];
    quick: CitationLike[];
    answer: { answer: string; abstained: boolean; citations: CitationLike[] };
    citationsParse: boolean;
  };
  const textOf = (docId: string) => output.documents.find((document) => document.id === docId)?.text;

  beforeAll(() => {
    output = JSON.parse(run("node", ["search-and-ask.mjs"], project, plainEnvironment()));
  });

  it("searches citations whose quote is the exact slice of the document text", () => {
    expect(output.hits.length).toBeGreaterThan(0);
    expect(output.hits.length).toBeLessThanOrEqual(5);
    expect(output.quick.length).toBeGreaterThan(0);
    for (const hit of [...output.hits, ...output.quick]) {
      expect(hit.quote).toBe(textOf(hit.docId)?.slice(hit.start, hit.end));
    }
    expect(output.hits.some((hit) => /local protectionism/i.test(hit.quote))).toBe(true);
  });

  it("asks the bot and gets a cited answer whose quotes are exact slices", () => {
    expect(output.answer.abstained).toBe(false);
    expect(output.answer.answer).toContain("1995");
    expect(output.answer.citations.length).toBeGreaterThan(0);
    expect(output.citationsParse).toBe(true);
    for (const citation of output.answer.citations) {
      expect(citation.quote).toBe(textOf(citation.docId)?.slice(citation.start, citation.end));
    }
    expect(output.answer.citations.some((citation) => citation.quote.includes("BYD"))).toBe(true);
  });
});

describe("a TypeScript consumer (module and moduleResolution NodeNext)", () => {
  // The workspace's own compiler, type-checking and emitting the consumer's sources.
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

  beforeAll(() => {
    run("node", [tsc, "-p", "tsconfig.json"], project, plainEnvironment());
  });

  it("type-checks against Citation, Answer and CitationHit from the declarations", () => {
    const summary = JSON.parse(run("node", ["out/public-types.js"], project, plainEnvironment()));
    expect(summary.summary.abstained).toBe(false);
    expect(typeof summary.summary.quote).toBe("string");
    // 新型工业化 in the primary collection, counted through @newind/analytics from its tarball.
    expect(summary.summary.mentions).toBe(22);
    expect(summary.summary.kwicExact).toBe(true);
  });

  it.each(packages)("runs the README example of @newind/%s", (name) => {
    const readme = readFileSync(join(root, "packages", name, "README.md"), "utf8");
    // What it is for, then the example, then the API at a glance.
    expect(readme).toMatch(new RegExp(`^# @newind/${name}\\n\\n[A-Z]`));
    expect(readme).toContain("## API at a glance");
    expect(readmeExample(name), `packages/${name}/README.md has a \`\`\`ts example`).toBeDefined();
    run("node", [`out/readme-${name}.js`], project, plainEnvironment());
  });
});
