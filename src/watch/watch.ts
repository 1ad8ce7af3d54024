/**
 * `undoc render --watch`: re-render when the data, the templates or the style change.
 * Templates, locale strings and style are re-read on change (the caches are dropped); fonts stay
 * parsed, so a re-render costs about as much as a warm render.
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import { invalidateTemplates } from "../templates/engine.js";
import { watchTemplateLayers } from "../templates/watch-layers.js";
import { runJob, type Job, type JobResult } from "../batch/job.js";

export interface WatchOptions {
  debounceMs?: number;
  onResult: (r: JobResult) => void;
  /** called after each round of re-rendering, with the time it took */
  onRound?: (ms: number, changed: string[]) => void;
}

export interface Watcher {
  close(): void;
  /** resolves when the first round (the initial render) is done */
  ready: Promise<void>;
}

export function watchAndRender(jobs: Job[], templatesDir: string, options: WatchOptions): Watcher {
  const debounce = options.debounceMs ?? 40;
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();

  const round = async (what: string[]) => {
    const t0 = performance.now();
    invalidateTemplates();
    for (const job of jobs) options.onResult(await runJob(job));
    options.onRound?.(performance.now() - t0, what);
  };
  const schedule = (path: string) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const what = [...changed];
      changed.clear();
      running = running.then(() => round(what));
    }, debounce);
  };

  // watch folders, not files: editors save by writing a new file and renaming it over the old
  const inputDirs = new Map<string, Set<string>>();
  for (const job of jobs) {
    const file = resolve(job.input);
    const dir = dirname(file);
    if (!inputDirs.has(dir)) inputDirs.set(dir, new Set());
    inputDirs.get(dir)!.add(file);
  }
  for (const [dir, files] of inputDirs) {
    watchers.push(
      watch(dir, (_event, name) => {
        if (name && files.has(resolve(dir, name.toString()))) schedule(resolve(dir, name.toString()));
      }),
    );
  }
  // the template folder and every base below it (template.yaml), followed when a base changes
  const layers = watchTemplateLayers(templatesDir, schedule);
  running = round([]);
  return {
    ready: running,
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      layers.close();
    },
  };
}
