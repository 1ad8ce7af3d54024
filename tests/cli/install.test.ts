/**
 * Installing undoc: Node 20 with --engine-strict (every package's engines admit the Node undoc
 * says it needs), an executable dist/cli.js after every build, a package that carries what the
 * CLI needs at run time.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CLI, ROOT } from "./run.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, "").split(".").map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies an engines range of the forms npm packages use (>=, >, <, ^, x.y.z, *, ||). */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split("||").some((alt) => {
    const parts = alt.trim().replace(/(>=|<=|>|<|\^|~)\s+/g, "$1").split(/\s+/).filter(Boolean);
    return parts.every((p) => {
      if (p === "*" || p === "x") return true;
      const m = /^(>=|<=|>|<|\^|~|=)?v?([\d.x*]+)$/.exec(p);
      if (!m) throw new Error(`engines range "${range}": cannot read "${p}"`);
      const [op = "=", raw] = [m[1], m[2]];
      const w = parse(raw.replace(/[x*]/g, "0"));
      const given = raw.split(".").filter((x) => /^\d+$/.test(x)).length;
      switch (op) {
        case ">=":
          return cmp(v, w) >= 0;
        case ">":
          return cmp(v, w) > 0;
        case "<=":
          return cmp(v, w) <= 0;
        case "<":
          return cmp(v, w) < 0;
        case "^":
          return cmp(v, w) >= 0 && v[0] === w[0];
        case "~":
          return cmp(v, w) >= 0 && v[0] === w[0] && v[1] === w[1];
        default:
          // "20" or "20.19": any version starting so
          return v.slice(0, given).every((x, i) => x === w[i]);
      }
    });
  });
}

describe("npm install --engine-strict on Node 20", () => {
  const floor = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];

  it("undoc's engines name the lowest Node its whole tree supports: 20.19.0", () => {
    expect(floor).toBe("20.19.0");
    expect(satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it("every locked package admits that Node and this one (what --engine-strict checks)", () => {
    expect(satisfies("20.19.0", "^20.19.0 || >=22.12.0")).toBe(true);
    expect(satisfies("20.19.0", "^22 || ^24 || >=26")).toBe(false); // nanoid 6, which docx asks for
    const refusing = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([, p]) => p.engines?.node)
      .filter(([, p]) => !satisfies(floor!, p.engines!.node!) || !satisfies(process.version, p.engines!.node!))
      .map(([name, p]) => `${name} ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("needs no overrides: the DOCX writer is undoc's own, with no docx library (whose nanoid wanted Node 22)", () => {
    expect(pkg.overrides).toBeUndefined();
    expect(pkg.dependencies.docx).toBeUndefined();
  });
});

describe("the dependencies", () => {
  it("every package the source imports is a dependency (not a dev dependency, nor another's)", () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    const imported = new Set<string>();
    for (const f of files(join(ROOT, "src"))) {
      for (const m of readFileSync(f, "utf8").matchAll(/(?:^import|^export)[^;]*?from\s+"([^".][^"]*)"|[rR]equire(?:\(import\.meta\.url\))?\("([^".][^"]*)"\)/gm)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith("node:")) continue;
        imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
      }
    }
    expect(imported.has("fflate")).toBe(true); // the DOCX's zip
    expect([...imported].filter((name) => !pkg.dependencies[name]).sort()).toEqual([]);
  });
});

describe("the built CLI", () => {
  it("dist/cli.js is executable, with a node shebang, and runs without `node` in front", () => {
    expect(statSync(CLI).mode & 0o111).toBe(0o111);
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    const r = spawnSync(CLI, ["--version"], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("the build makes it executable every time (postbuild)", () => {
    expect(pkg.scripts.postbuild).toMatch(/chmodSync\('dist\/cli\.js', 0o755\)/);
    expect(pkg.bin).toEqual({ undoc: "dist/cli.js" });
  });

  it("the package carries what the CLI needs at run time, and no tests", () => {
    const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
    expect(r.status, r.stderr).toBe(0);
    const paths: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const need of ["dist/cli.js", "dist/index.js", "dist/batch/worker.js", "templates/un-letter/document.hbs", "templates/un-letter/locales/zh.yaml", "fonts/manifest.json", "schema/document.schema.json", "package.json", "dist/preview/page/index.html", "dist/preview/page/app.js", "dist/preview/vendor/pdf.min.mjs", "dist/preview/vendor/pdf.worker.min.mjs", "dist/preview/vendor/LICENSE-pdfjs"]) {
      expect(paths, need).toContain(need);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, "fonts", "manifest.json"), "utf8")) as Array<{ file: string }>;
    for (const f of manifest) expect(paths).toContain(`fonts/${f.file}`);
    expect(paths.filter((p) => /^(tests|scripts|bench|node_modules|examples)\//.test(p))).toEqual([]);
  });
});
