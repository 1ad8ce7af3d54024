// The preview page: follows the server's state (server-sent events), draws the PDF's pages with
// pdf.js (canvas and a text layer), lists the DOCX outline, and shows a render error over the last
// good pages. Everything from the server is put in the page as text, never as HTML.
import * as pdfjs from "/pdf.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";

const $ = (id) => document.getElementById(id);
/** CSS pixels per PDF point */
const SCALE = 1.25;

// for tests and the bench: what is on screen now, and when it got there
const shown = (window.undocPreview = { version: 0, outlineVersion: 0, round: 0, shownAt: 0, error: null });

let latest = null;
let drawing = Promise.resolve();
let doc = null;

function status(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

function showError(error) {
  shown.error = error;
  $("error").hidden = !error;
  if (!error) return;
  const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ""}${error.column ? `:${error.column}` : ""}` : "";
  $("error-where").textContent = `${error.code}${where ? ` at ${where}` : ""}${error.path ? ` (${error.path})` : ""}`;
  $("error-message").textContent = error.message;
  $("error-hint").textContent = error.hint ? `hint: ${error.hint}` : "";
  const excerpt = $("error-excerpt");
  excerpt.replaceChildren(
    ...(error.excerpt ?? []).map((l) => {
      const line = document.createElement("div");
      line.className = l.at ? "at" : "";
      line.textContent = `${l.at ? ">" : " "} ${String(l.line).padStart(4)} | ${l.text}`;
      return line;
    }),
  );
  excerpt.hidden = !error.excerpt;
}

async function drawPages(version) {
  const res = await fetch(`/document.pdf?v=${version}`);
  if (!res.ok) return;
  const data = new Uint8Array(await res.arrayBuffer());
  const next = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
  const container = $("pages");
  for (let n = 1; n <= next.numPages; n++) {
    const page = await next.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const box = document.createElement("div");
    box.className = "page";
    box.dataset.page = String(n);
    box.style.width = `${viewport.width}px`;
    box.style.height = `${viewport.height}px`;
    box.style.setProperty("--scale-factor", String(viewport.scale));
    const canvas = document.createElement("canvas");
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
    const text = document.createElement("div");
    text.className = "textLayer";
    box.append(canvas, text);
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    const number = document.createElement("span");
    number.className = "number";
    number.textContent = String(n);
    box.append(number);
    // each page replaces its old self once drawn: the first page changes without waiting for the
    // others, nothing flickers, and the scroll position stays where it was
    const old = container.children[n - 1];
    if (old) old.replaceWith(box);
    else container.append(box);
  }
  while (container.children.length > next.numPages) container.lastElementChild.remove();
  doc?.destroy();
  doc = next;
}

async function drawOutline(version) {
  const res = await fetch(`/outline.json?v=${version}`);
  const outline = res.ok ? await res.json() : null;
  if (!outline) return;
  const paragraphs = outline.items.filter((i) => i.kind === "paragraph").length;
  const tables = outline.items.filter((i) => i.kind === "table").length;
  $("outline-summary").textContent =
    `${paragraphs} paragraphs, ${tables} tables, ${outline.footnotes} footnotes; ${outline.headers} headers, ${outline.footers} footers; ${Math.round(outline.bytes / 1024)} KB`;
  $("outline-items").replaceChildren(
    ...outline.items.map((item) => {
      const li = document.createElement("li");
      if (item.kind === "pageBreak") {
        li.className = "break";
        li.textContent = "— page break —";
      } else if (item.kind === "table") {
        li.textContent = `table: ${item.rows} rows × ${item.columns} columns`;
      } else {
        const style = document.createElement("span");
        style.className = "style";
        style.textContent = item.style;
        li.append(style, item.text);
        if (item.heading >= 0) {
          li.classList.add("heading");
          li.style.setProperty("--depth", String(Math.max(0, item.heading - 1)));
        }
      }
      return li;
    }),
  );
}

async function apply() {
  const state = latest;
  $("source").textContent = `${state.input} — templates: ${state.templates}`;
  showError(state.ok ? null : state.error);
  if (state.version > shown.version) {
    await drawPages(state.version);
    shown.version = state.version;
  }
  if (state.outlineVersion > shown.outlineVersion) {
    await drawOutline(state.outlineVersion);
    shown.outlineVersion = state.outlineVersion;
  }
  shown.round = state.round;
  shown.shownAt = performance.timeOrigin + performance.now();
  if (state.ok) status(`rendered (round ${state.round}): PDF ${Math.round(state.pdfMs ?? 0)} ms${state.docxMs !== undefined ? `, DOCX ${Math.round(state.docxMs)} ms` : ""}`);
  else status(`render failed (round ${state.round}): ${state.error?.message ?? ""}`, true);
}

const events = new EventSource("/events");
events.addEventListener("state", (e) => {
  latest = JSON.parse(e.data);
  // one drawing at a time; a state that arrives meanwhile is drawn next (only the newest counts)
  drawing = drawing.then(() => (latest ? apply() : undefined)).catch((err) => status(`the page failed: ${err}`, true));
});
events.addEventListener("error", () => {
  if (events.readyState !== EventSource.OPEN) status("not connected: is undoc preview still running?", true);
});
