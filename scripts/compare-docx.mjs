/**
 * Byte-identity check of the DOCX writer against a reference build: renders the same documents
 * through a reference dist (the library before a change to the DOCX writer) and through dist/,
 * and compares the DOCX files byte for byte, part by part (unzipped with fflate) so that a
 * difference is reported by part and offset with the text around it.
 *
 * Making the reference: build the commit to compare against and copy its dist/ to a folder next to
 * node_modules (its imports resolve from there), e.g.
 *
 *   git stash; npm run build; cp -r dist ref-dist; git stash pop; npm run build
 *   node scripts/compare-docx.mjs                       # every examples/*.yaml and DOCX test fixture, every --docx-fonts mode
 *
 * A reference from before undoc wrote its own XML imports the docx library, which undoc no longer
 * depends on: give it its own copy, found before the package's node_modules,
 *
 *   mkdir -p ref-dist/node_modules && (cd /tmp && npm install --prefix docx-9 docx@9.15.2) && cp -r /tmp/docx-9/node_modules/* ref-dist/node_modules/
 *
 *   node scripts/compare-docx.mjs --ref ref-dist --modes editable,none --data docs.json
 *   rm -rf ref-dist                                     # never committed
 *
 * `--data FILE.json`: a JSON list of documents' data (objects, as render() takes them) compared
 * too, in every mode given. Random documents from the property tests' generators are compared by
 * tests/writers/docx/reference-identity.test.ts (`UNDOC_REF_DIST=ref-dist npx vitest run
 * tests/writers/docx/reference-identity.test.ts`), which uses compareDocx from here.
 * Exit code 0 when every document is identical, 1 otherwise.
 */
import { unzipSync } from "fflate";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const MODES = ["editable", "full", "subset", "none"];
const DATE = new Date("2020-09-16T00:00:00Z");

/** The library's render() from a dist folder. */
export async function renderer(dist) {
  const { render } = await import(pathToFileURL(join(resolve(ROOT, dist), "index.js")).href);
  return (input, mode) => render(input, { formats: ["docx"], date: DATE, docx: { fonts: mode } }).then((r) => r.docx);
}

/** The first difference between two DOCX files, or undefined when they are the same bytes. */
export function compareDocx(expected, actual) {
  if (expected.length === actual.length && Buffer.from(expected).equals(Buffer.from(actual))) return undefined;
  const a = unzipSync(expected);
  const b = unzipSync(actual);
  const names = [Object.keys(a), Object.keys(b)];
  if (names[0].join("\n") !== names[1].join("\n")) return `parts differ:\n  reference: ${names[0].join(" ")}\n  new:       ${names[1].join(" ")}`;
  for (const name of names[0]) {
    const x = Buffer.from(a[name]);
    const y = Buffer.from(b[name]);
    if (x.equals(y)) continue;
    let at = 0;
    while (at < x.length && at < y.length && x[at] === y[at]) at++;
    const around = (buf) => JSON.stringify(buf.subarray(Math.max(0, at - 120), at + 120).toString("utf8"));
    return `${name} differs at byte ${at} (lengths ${x.length}, ${y.length}):\n  reference: ${around(x)}\n  new:       ${around(y)}`;
  }
  return "the parts are the same but the zip's bytes differ (entry order, dates or compression)";
}

/** The bundled examples and the DOCX test fixtures, by path. */
export function fixtureFiles() {
  const dir = (d, re) => readdirSync(join(ROOT, d)).filter((f) => re.test(f)).map((f) => join(ROOT, d, f));
  return [...dir("examples", /\.ya?ml$/), ...dir("tests/writers/docx/fixtures", /\.ya?ml$/), ...dir("tests/fixtures/random", /\.json$/)];
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const refDist = opt("--ref", "ref-dist");
  if (!existsSync(join(ROOT, refDist, "index.js"))) {
    console.error(`compare-docx: no reference build at ${refDist}/ (see this script's header)`);
    process.exit(2);
  }
  const modes = opt("--modes", MODES.join(",")).split(",");
  const data = opt("--data") ? JSON.parse(readFileSync(opt("--data"), "utf8")) : [];
  const [ref, cur] = [await renderer(refDist), await renderer("dist")];
  const inputs = [...fixtureFiles().map((f) => ({ name: f.slice(ROOT.length + 1), input: f })), ...data.map((d, i) => ({ name: `data #${i}`, input: d }))];
  let same = 0;
  const failures = [];
  for (const mode of modes) {
    for (const { name, input } of inputs) {
      const difference = compareDocx(await ref(input, mode), await cur(input, mode));
      if (difference) failures.push(`${name} (${mode}): ${difference}`);
      else same++;
    }
  }
  for (const f of failures) console.error(f);
  console.log(`compare-docx: ${same} of ${same + failures.length} DOCX files identical (${inputs.length} documents x ${modes.length} modes)`);
  process.exit(failures.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
