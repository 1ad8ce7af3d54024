/**
 * `undoc render --watch`: re-render when the data, the templates or the style change.
 * Templates, locale strings and style are re-read on change (the caches are dropped); fonts stay
 * parsed, so a re-render costs about as much as a warm render.
 *
 * Folders, not files, are watched (editors save by writing a new file and renaming it over the
 * old). A watched folder can be missing at the start, or deleted and made again while watching (a
 * checkout, a generator that rewrites it): every folder is looked at a few times a second, and one
 * that appears, or comes back as a new folder, is watched again and its documents render again.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import { invalidateTemplates } from "../templates/engine.js";
import { watchTemplateLayers } from "../templates/watch-layers.js";
import { runJob, type Job, type JobResult } from "../batch/job.js";

export interface WatchOptions {
  debounceMs?: number;
  /** how often folders are looked at for deletion and re-creation (ms) */
  pollMs?: number;
  onResult: (r: JobResult) => void;
  /** called after each round of re-rendering, with the time it took and what changed */
  onRound?: (ms: number, changed: string[], results: JobResult[]) => void;
  /** renders one round, dropping compiled templates first (default: in this thread) */
  render?: (jobs: Job[]) => Promise<JobResult[]>;
}

export interface Watcher {
  close(): void;
  /** resolves when the first round (the initial render) is done */
  ready: Promise<void>;
  /** true while a round renders */
  busy(): boolean;
}

interface Target {
  dir: string;
  recursive: boolean;
  /** does a change to this name (relative to dir) matter? */
  wanted(name: string): boolean;
  watcher?: FSWatcher;
  /** the folder's inode when it was watched: another one means it was made again */
  ino?: number;
}

/** The folders' inode numbers (0 for one that is missing), as one string to compare between looks. */
function inodesOf(folders: string[]): string {
  return folders
    .map((f) => {
      try {
        const st = statSync(f);
        return st.isDirectory() ? st.ino : 0;
      } catch {
        return 0;
      }
    })
    .join(",");
}

const inRound = async (jobs: Job[]) => {
  invalidateTemplates();
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await runJob(job));
  return results;
};

export function watchAndRender(jobs: Job[], templatesDir: string, options: WatchOptions): Watcher {
  const debounce = options.debounceMs ?? 40;
  const render = options.render ?? inRound;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let rendering = false;
  let closed = false;
  const changed = new Set<string>();

  const round = async (what: string[]) => {
    if (closed) return;
    rendering = true;
    const t0 = performance.now();
    try {
      const results = await render(jobs);
      for (const r of results) options.onResult(r);
      options.onRound?.(performance.now() - t0, what, results);
    } finally {
      rendering = false;
    }
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

  const targets: Target[] = [];
  const inputDirs = new Map<string, Set<string>>();
  for (const job of jobs) {
    const file = resolve(job.input);
    const dir = dirname(file);
    if (!inputDirs.has(dir)) inputDirs.set(dir, new Set());
    inputDirs.get(dir)!.add(file);
  }
  for (const [dir, files] of inputDirs) targets.push({ dir, recursive: false, wanted: (name) => files.has(resolve(dir, name)) });

  const unwatch = (t: Target) => {
    t.watcher?.close();
    t.watcher = undefined;
    t.ino = undefined;
  };
  /** Watches `t` if its folder exists and is not watched yet (or is a new folder); true when it (re)started. */
  const ensure = (t: Target): boolean => {
    let ino: number;
    try {
      const st = statSync(t.dir);
      if (!st.isDirectory()) throw new Error("not a folder");
      ino = st.ino;
    } catch {
      if (t.watcher) unwatch(t);
      return false;
    }
    if (t.watcher && t.ino === ino) return false;
    unwatch(t);
    try {
      t.watcher = watch(t.dir, { recursive: t.recursive }, (_event, name) => {
        if (name && t.wanted(name.toString())) schedule(resolve(t.dir, name.toString()));
      });
      // a folder deleted under the watcher: the look below starts again when it is back
      t.watcher.on("error", () => unwatch(t));
      t.ino = ino;
      return true;
    } catch {
      unwatch(t);
      return false;
    }
  };
  for (const t of targets) ensure(t);
  // the template folder and every base below it (template.yaml), followed when a base changes
  let layers = watchTemplateLayers(templatesDir, schedule);
  let layerInodes = inodesOf([resolve(templatesDir), ...layers.folders()]);
  // folders deleted and made again, or missing at the start and made later
  const poll = setInterval(() => {
    for (const t of targets) if (ensure(t)) schedule(t.dir);
    const now = inodesOf([resolve(templatesDir), ...layers.folders()]);
    if (now !== layerInodes) {
      layers.close();
      layers = watchTemplateLayers(templatesDir, schedule);
      layerInodes = inodesOf([resolve(templatesDir), ...layers.folders()]);
      schedule(resolve(templatesDir));
    }
  }, options.pollMs ?? 250);
  running = round([]);
  return {
    ready: running,
    busy: () => rendering,
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const t of targets) unwatch(t);
      layers.close();
    },
  };
}
