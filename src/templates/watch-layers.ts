/**
 * Watching a template folder and every folder below it in its chain of layers (template.yaml's
 * base): a change to any file a render reads (.hbs, .yaml) is reported. When a template.yaml
 * changes, the chain is resolved again and the watched folders follow it.
 *
 * Each folder and its sub-folders (partials/, locales/) are watched one by one, not with
 * `recursive: true`: on Linux, Node's recursive watcher loses a file that an editor saves by
 * renaming a new file over it (the second save goes unseen), while a folder's own watcher reports
 * every rename into it by name.
 */
import { readdirSync, watch, type FSWatcher } from "node:fs";
import { join, resolve } from "node:path";
import { templateLayers } from "./layers.js";

export interface LayerWatcher {
  /** the template folders watched now, the folder itself first */
  folders(): string[];
  close(): void;
}

const TEMPLATE_FILE = /\.(hbs|ya?ml)$/;
/** Sub-folders deeper than this are not template files' folders (partials/ and locales/ are one down). */
const MAX_DEPTH = 2;

export function watchTemplateLayers(dir: string, onChange: (file: string) => void): LayerWatcher {
  /** folder being watched -> the template folder (layer) it belongs to */
  const watchers = new Map<string, { w: FSWatcher; layer: string }>();
  let chain: string[] = [];

  const watchFolder = (folder: string, layer: string, depth: number) => {
    if (watchers.has(folder) || depth > MAX_DEPTH) return;
    let w: FSWatcher;
    try {
      w = watch(folder, (_event, name) => {
        if (!name) return;
        const file = join(folder, name.toString());
        if (TEMPLATE_FILE.test(file)) {
          if (folder === layer && name.toString() === "template.yaml") follow();
          onChange(file);
        } else if (!name.toString().includes(".")) {
          // perhaps a new sub-folder (partials/ created after the start): watch it and what is in it
          watchFolder(file, layer, depth + 1);
        }
      });
    } catch {
      return; // not a folder (or gone): nothing to watch; a render says what is wrong
    }
    w.on("error", () => undefined); // a folder removed while watched: the next render reports it
    watchers.set(folder, { w, layer });
    let entries: import("node:fs").Dirent[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // unreadable: its files are refused when read
    }
    for (const e of entries) if (e.isDirectory()) watchFolder(join(folder, e.name), layer, depth + 1);
  };

  const follow = () => {
    try {
      chain = templateLayers(dir).map((l) => l.dir);
    } catch {
      // a broken template.yaml: keep what is watched (and the folder itself) until it is fixed
      chain = [...new Set([resolve(dir), ...chain])];
    }
    for (const [folder, { w, layer }] of watchers) {
      if (!chain.includes(layer)) {
        w.close();
        watchers.delete(folder);
      }
    }
    for (const layer of chain) watchFolder(layer, layer, 0);
  };
  follow();
  return {
    folders: () => chain.filter((f) => watchers.has(f)),
    close() {
      for (const { w } of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
