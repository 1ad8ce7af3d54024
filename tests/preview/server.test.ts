import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PreviewSession, type PreviewState } from "../../src/preview/session.js";
import { startServer, type PreviewServer } from "../../src/preview/server.js";
import { BUNDLED_TEMPLATES } from "../../src/templates/layers.js";
import { pdfText, squash, textOf } from "../helpers/pdf.js";

const ROOT = process.cwd();

/** Saves as editors do (a new file renamed over the old), so no half-written file is rendered. */
function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

/** A raw GET (the path sent as it is, no normalisation), with an optional Host and method. */
function get(port: number, path: string, options: { host?: string; method?: string } = {}): Promise<{ status: number; type: string; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.host ? { host: options.host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The states the server sends on /events, as they come. */
function subscribe(port: number): { states: PreviewState[]; next(pred: (s: PreviewState) => boolean): Promise<PreviewState>; close(): void } {
  const states: PreviewState[] = [];
  let waiters: Array<{ pred: (s: PreviewState) => boolean; resolve: (s: PreviewState) => void }> = [];
  let buffer = "";
  const req = request({ host: "127.0.0.1", port, path: "/events" }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data) continue;
        const s = JSON.parse(data) as PreviewState;
        states.push(s);
        waiters = waiters.filter((w) => (w.pred(s) ? (w.resolve(s), false) : true));
      }
    });
  });
  req.on("error", () => undefined);
  req.end();
  return {
    states,
    next: (pred) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no such state; got ${JSON.stringify(states.at(-1))}`)), 20_000);
        waiters.push({ pred, resolve: (s) => (clearTimeout(t), resolve(s)) });
      }),
    close: () => req.destroy(),
  };
}

describe("undoc preview: the server", () => {
  let dir: string;
  let tpl: string;
  let input: string;
  let session: PreviewSession;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "undoc-preview-"));
    tpl = join(dir, "tpl");
    mkdirSync(join(tpl, "locales"), { recursive: true });
    mkdirSync(join(tpl, "partials"));
    writeFileSync(join(tpl, "template.yaml"), "base: default\n");
    writeFileSync(join(tpl, "locales", "zh.yaml"), 'letter:\n  signed: "(签字)"\n');
    input = join(dir, "doc.zh.yaml");
    writeFileSync(input, readFileSync(join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "utf8"));
    session = new PreviewSession({ input, templates: tpl, debounceMs: 20 });
    await session.start();
    server = await startServer(session);
  });
  afterAll(async () => {
    await server?.close();
    await session?.close();
  });

  it("listens on 127.0.0.1 only, on a free port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it("serves its page, pdf.js, the PDF, the outline and the state at fixed routes", async () => {
    const page = await get(server.port, "/");
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    expect(page.body.toString()).toContain('<script type="module" src="/app.js">');
    expect(String(page.headers["content-security-policy"])).toContain("default-src 'none'");
    for (const js of ["/app.js", "/pdf.mjs", "/pdf.worker.mjs"]) expect((await get(server.port, js)).type).toContain("text/javascript");
    const pdf = await get(server.port, "/document.pdf?v=1");
    expect(pdf.type).toBe("application/pdf");
    expect(squash(textOf(await pdfText(pdf.body)))).toContain("斯文·于尔根松(签字)");
    const outline = JSON.parse((await get(server.port, "/outline.json")).body.toString());
    expect(outline.items[0]).toMatchObject({ kind: "paragraph", style: "Title" });
    const state = JSON.parse((await get(server.port, "/state.json")).body.toString()) as PreviewState;
    expect(state).toMatchObject({ ok: true, version: 1, outlineVersion: 1 });
    expect((await get(server.port, "/", { method: "HEAD" })).body.length).toBe(0);
  });

  it("serves nothing else: no path reaches a file, other hosts and methods are refused", async () => {
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/page/index.html", "/src/preview/page/app.js", "/dist/cli.js", "/etc/passwd", "//etc/passwd", "/index.html", "/document.pdf/../package.json", "/constructor", "/__proto__"]) {
      const r = await get(server.port, path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).toBe("not found\n");
    }
    expect((await get(server.port, "/", { host: "evil.example:80" })).status).toBe(403);
    expect((await get(server.port, "/document.pdf", { host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await get(server.port, "/", { method: "POST" })).status).toBe(405);
    expect((await get(server.port, "/", { method: "DELETE" })).status).toBe(405);
  });

  it("renders again on a change (a locale file), shows a broken template's error with file:line and text, keeps the last good PDF", async () => {
    const events = subscribe(server.port);
    try {
      const first = await events.next(() => true); // the current state comes at once
      const locale = join(tpl, "locales", "zh.yaml");
      save(locale, 'letter:\n  signed: "(签字盖章)"\n');
      await events.next((s) => s.version > first.version && s.ok);
      const good = (await get(server.port, "/document.pdf")).body;
      expect(squash(textOf(await pdfText(good)))).toContain("斯文·于尔根松(签字盖章)");

      // a template with a syntax error on its third line
      const letter = join(tpl, "partials", "letter.hbs");
      save(letter, "<title>{{> letter-title}}</title>\n{{#each letter.paragraphs}}\n{{/if}}\n");
      const broken = await events.next((s) => !s.ok);
      expect(broken.error).toMatchObject({ code: "TEMPLATE", file: letter, line: 3 });
      expect(broken.error!.message).toContain("syntax error");
      expect(broken.error!.excerpt).toContainEqual({ line: 3, text: "{{/if}}", at: true });
      expect(broken.version).toBe(events.states.filter((s) => s.ok).at(-1)!.version); // no new PDF
      expect((await get(server.port, "/document.pdf")).body.equals(good)).toBe(true);

      // fixed: a new PDF, no error
      save(letter, readFileSync(join(BUNDLED_TEMPLATES, "partials", "letter.hbs"), "utf8").replace("</signature>", '</signature>\n<p indent="none">附言。</p>'));
      const fixed = await events.next((s) => s.ok && s.version > broken.version);
      expect(fixed.error).toBeUndefined();
      expect(squash(textOf(await pdfText((await get(server.port, "/document.pdf")).body)))).toContain("附言。");

      // the data file too
      save(input, readFileSync(input, "utf8").replace("请将本函及其附件", "请将本函连同附件"));
      const data = await events.next((s) => s.ok && s.version > fixed.version);
      expect(data.changed).toContain(input);
    } finally {
      events.close();
    }
  });
});

describe("undoc preview: the command", () => {
  it("prints its address, serves the page, and stops cleanly on Ctrl-C (SIGINT), exit 0", async () => {
    const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "preview", join(ROOT, "examples", "arria-belarus-2020.zh.yaml")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no address printed: ${out} ${err}`)), 30_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /preview: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
        if (m) (clearTimeout(t), resolve(m[1]));
      });
    });
    const port = Number(new URL(url).port);
    expect((await get(port, "/")).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(out).toContain("preview stopped");
    expect(err).toBe("");
    await expect(get(port, "/")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("usage errors: no input, two inputs, a bad port", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const c = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "preview", ...args], { cwd: ROOT });
        let err = "";
        c.stderr.on("data", (d: Buffer) => (err += d.toString()));
        c.on("exit", (code) => resolve({ code, err }));
      });
    expect(await run([])).toMatchObject({ code: 2 });
    expect((await run(["a.yaml", "b.yaml"])).err).toContain("preview takes one input file");
    expect((await run([join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "--port", "99999"])).err).toContain("--port takes a port number");
  });
});
