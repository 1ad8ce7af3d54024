/**
 * One preview: an input file and a template folder, rendered again whenever the data, a template,
 * a locale file or the style changes (in any layer of the folder). It keeps the last good PDF and
 * DOCX outline, so a broken template shows its error beside the pages it last rendered. Nothing
 * is written to disk.
 */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { loadDataFile } from "../input/load.js";
import { DEFAULT_TEMPLATES, renderData } from "../render/pipeline.js";
import { invalidateTemplates } from "../templates/engine.js";
import { watchTemplateLayers, type LayerWatcher } from "../templates/watch-layers.js";
import { errorView, type ErrorView } from "./error-view.js";
import { docxOutline, type Outline } from "./outline.js";

export interface PreviewState {
  /** counts rounds (renders tried) */
  round: number;
  /** counts PDFs rendered: the page fetches the PDF again when it changes */
  version: number;
  /** counts DOCX outlines rendered */
  outlineVersion: number;
  ok: boolean;
  /** the error of the last round, when it failed (the PDF and outline are then the last good ones) */
  error?: ErrorView;
  /** files whose change started this round */
  changed: string[];
  /** time to render the PDF, and the DOCX after it */
  pdfMs?: number;
  docxMs?: number;
  input: string;
  templates: string;
}

export interface SessionOptions {
  input: string;
  templates?: string;
  /** quiet time after a change before rendering (editors write a file in several steps) */
  debounceMs?: number;
}

export class PreviewSession {
  pdf?: Uint8Array;
  outline?: Outline;
  state: PreviewState;
  private readonly input: string;
  private readonly templates: string;
  private readonly debounceMs: number;
  private readonly listeners = new Set<(s: PreviewState) => void>();
  private watchers: FSWatcher[] = [];
  private layers?: LayerWatcher;
  private timer?: NodeJS.Timeout;
  private pending = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(options: SessionOptions) {
    this.input = resolve(options.input);
    this.templates = resolve(options.templates ?? DEFAULT_TEMPLATES);
    this.debounceMs = options.debounceMs ?? 20;
    this.state = { round: 0, version: 0, outlineVersion: 0, ok: false, changed: [], input: this.input, templates: this.templates };
  }

  /** Renders once and starts watching; resolves when the first round is done (good or not). */
  start(): Promise<void> {
    // watch the input's folder, not the file: editors save by writing a new file and renaming it
    const dir = dirname(this.input);
    const name = basename(this.input);
    const w = watch(dir, (_event, f) => f?.toString() === name && this.changed(this.input));
    w.on("error", () => undefined);
    this.watchers.push(w);
    this.layers = watchTemplateLayers(this.templates, (file) => this.changed(file));
    this.running = this.round([]);
    return this.running;
  }

  onState(listener: (s: PreviewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for the rounds under way, then stops watching. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.layers?.close();
    this.listeners.clear();
    await this.running;
  }

  private changed(file: string): void {
    if (this.closed) return;
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const what = [...this.pending];
      this.pending.clear();
      this.running = this.running.then(() => this.round(what));
    }, this.debounceMs);
  }

  private publish(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  private async round(changed: string[]): Promise<void> {
    if (this.closed) return;
    const round = this.state.round + 1;
    try {
      invalidateTemplates(); // every layer's files are read again
      const t0 = performance.now();
      const { data } = loadDataFile(this.input);
      const { pdf } = await renderData(data, { templates: this.templates, formats: ["pdf"] });
      this.pdf = pdf;
      const pdfMs = performance.now() - t0;
      // the pages first: the outline follows a moment later
      this.publish({ round, version: this.state.version + 1, ok: true, error: undefined, changed, pdfMs, docxMs: undefined });
      const t1 = performance.now();
      const { docx } = await renderData(data, { templates: this.templates, formats: ["docx"] });
      this.outline = docxOutline(docx!);
      this.publish({ outlineVersion: this.state.outlineVersion + 1, docxMs: performance.now() - t1 });
    } catch (e) {
      this.publish({ round, ok: false, error: errorView(e), changed });
    }
  }
}
