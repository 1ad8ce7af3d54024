// How long from a change on disk to the new text in the open preview page: starts `undoc preview`
// on the example with a one-file template folder, opens the page in Debian's Chromium
// (playwright-core), saves a locale string N times (as editors do: a new file renamed over the
// old) and times each until the page's text layer shows it.
//   node bench/preview.mjs [N]      (after npm run build; needs /usr/bin/chromium or chromium on PATH)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const ROOT = join(import.meta.dirname, "..");
const N = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), "undoc-bench-preview-"));
const tpl = join(dir, "tpl");
mkdirSync(join(tpl, "locales"), { recursive: true });
const locale = join(tpl, "locales", "zh.yaml");
const save = (file, text) => (writeFileSync(`${file}.tmp~`, text), renameSync(`${file}.tmp~`, file));
writeFileSync(locale, 'letter:\n  signed: "(签字0)"\n');
const input = join(dir, "doc.zh.yaml");
writeFileSync(input, readFileSync(join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "utf8"));

const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "preview", input, "--templates", tpl], { stdio: ["ignore", "pipe", "inherit"] });
let out = "";
const url = await new Promise((resolve) => child.stdout.on("data", (c) => (out += c, /preview: (\S+)/.test(out) && resolve(/preview: (\S+)/.exec(out)[1]))));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
await page.goto(url);
const text = () => page.evaluate(() => [...document.querySelectorAll(".textLayer")].map((t) => t.textContent).join("").replace(/\s+/g, ""));
const waitFor = async (s) => {
  while (!(await text()).includes(s)) await new Promise((r) => setTimeout(r, 5));
};
await waitFor("(签字0)");
const times = [];
for (let i = 1; i <= N; i++) {
  const t0 = performance.now();
  save(locale, `letter:\n  signed: "(签字${i})"\n`);
  await waitFor(`(签字${i})`);
  times.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 200)); // let the DOCX outline of this round finish
}
await browser.close();
child.kill("SIGINT");
const sorted = [...times].sort((a, b) => a - b);
const ms = (x) => `${Math.round(x)} ms`;
console.log(`change on disk -> new text in the page, ${N} edits: median ${ms(sorted[Math.floor(N / 2)])}, min ${ms(sorted[0])}, max ${ms(sorted[N - 1])}`);
console.log(`each: ${times.map((t) => Math.round(t)).join(", ")}`);
