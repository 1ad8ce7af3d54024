/**
 * undoc preview in a real browser: Debian's Chromium, driven by playwright-core (no browser
 * download). The page must show the rendered text, follow an edit on disk within a second or so,
 * show a broken template's error with its file and line over the last good pages, and recover.
 */
import { describe, expect } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, which } from "./tools.js";

const ROOT = process.cwd();
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Saves as editors do: a new file renamed over the old. */
function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

/** Starts `undoc preview` and resolves with its address once printed. */
function startPreview(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "preview", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`undoc preview printed no address: ${out}`)), 30_000);
    child.stdout!.on("data", () => {
      const m = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) (clearTimeout(t), resolve({ child, url: m[1], output: () => out }));
    });
    child.on("exit", (code) => reject(new Error(`undoc preview exited (${code}): ${out}`)));
  });
}

describe("undoc preview in Chromium", () => {
  check("shows the pages, follows an edit on disk, shows a template error with its line, recovers", ["chromium"], async () => {
    const { chromium } = await import("playwright-core");
    const dir = mkdtempSync(join(tmpdir(), "undoc-preview-browser-"));
    const tpl = join(dir, "tpl");
    mkdirSync(join(tpl, "locales"), { recursive: true });
    mkdirSync(join(tpl, "partials"));
    writeFileSync(join(tpl, "template.yaml"), "base: default\n");
    const locale = join(tpl, "locales", "zh.yaml");
    writeFileSync(locale, 'letter:\n  signed: "(签字)"\n');
    const input = join(dir, "doc.zh.yaml");
    writeFileSync(input, readFileSync(join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "utf8"));

    const preview = await startPreview([input, "--templates", tpl]);
    const browser = await chromium.launch({ executablePath: which("chromium")!, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => process.env.PREVIEW_DEBUG && console.log(`page: ${m.text()}`));
      // no request leaves the preview's own address
      const elsewhere: string[] = [];
      page.on("request", (r) => !r.url().startsWith(preview.url) && elsewhere.push(r.url()));
      await page.goto(preview.url);
      const pageText = () => page.evaluate(() => [...document.querySelectorAll(".textLayer")].map((t) => t.textContent).join("").replace(/\s+/g, ""));
      const waitForText = async (s: string) => {
        const until = Date.now() + 15_000;
        while (!(await pageText()).includes(s)) {
          if (Date.now() > until) throw new Error(`"${s}" did not appear in the page`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await waitForText("于尔根松(签字)");
      // pages are appended one by one as pdf.js draws them: the signature's page may come before the last
      await expect.poll(() => page.locator(".page").count(), { timeout: 15_000 }).toBe(3);
      expect(await page.locator("#outline-items li").first().textContent()).toContain("Title");

      // an edit on disk: measured from the rename to the new text in the page's text layer
      const times: number[] = [];
      for (const words of ["(签字盖章)", "(亲笔签名)", "(手签)", "(盖章)", "(签署)"]) {
        const t0 = Date.now();
        save(locale, `letter:\n  signed: "${words}"\n`);
        await waitForText(words).catch(async (e) => {
          throw new Error(`${(e as Error).message}\nstatus: ${await page.locator("#status").textContent()}\npage errors: ${problems.join("; ")}\ntext: ${(await pageText()).slice(0, 400)}\npreview: ${preview.output()}`);
        });
        times.push(Date.now() - t0);
      }
      console.log(`preview: change on disk -> new text in the page: ${times.join(", ")} ms`);
      // under a second (bench/preview.mjs: about half a second on an idle 2-core machine); the
      // slowest is only bounded loosely, as CI runs LibreOffice and the other checks beside this one
      expect(Math.min(...times)).toBeLessThan(1000);
      expect(Math.max(...times)).toBeLessThan(4000);

      // a broken template: the error with its file and line, the last good pages kept
      const letter = join(tpl, "partials", "letter.hbs");
      save(letter, "<title>{{> letter-title}}</title>\n{{#each letter.paragraphs}}\n  {{/if}}\n");
      await page.locator("#error").waitFor({ state: "visible", timeout: 15_000 });
      expect(await page.locator("#error-where").textContent()).toContain(`${letter}:3:3`);
      expect(await page.locator("#error-message").textContent()).toContain("{{/if}} closes the {{#each}} opened on line 2");
      expect(await page.locator("#error-excerpt .at").textContent()).toContain("{{/if}}");
      expect(await pageText()).toContain("(签署)");
      expect(await page.locator("#status").textContent()).toContain("render failed");

      // fixed: the error goes, the new text comes
      save(letter, readFileSync(join(ROOT, "templates", "un-letter", "partials", "letter.hbs"), "utf8").replace("</signature>", '</signature>\n<p indent="none">附言：此函另送各理事国。</p>'));
      await waitForText("附言：此函另送各理事国。");
      await page.locator("#error").waitFor({ state: "hidden", timeout: 15_000 });
      expect(problems).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
      const exit = new Promise<number | null>((resolve) => preview.child.on("exit", (code) => resolve(code)));
      preview.child.kill("SIGINT");
      expect(await exit).toBe(0);
    }
  }, 120_000);
});
