/**
 * Watching a template folder and every folder below it in its chain of layers (template.yaml's
 * base): a change to any file a render reads (.hbs, .yaml) is reported. When a template.yaml
 * changes, the chain is resolved again and the watched folders follow it.
 */
import { watch, type FSWatcher } from "node:fs";
import { resolve } from "node:path";
import { templateLayers } from "./layers.js";

export interface LayerWatcher {
  /** the folders watched now */
  folders(): string[];
  close(): void;
}

const TEMPLATE_FILE = /\.(hbs|ya?ml)$/;

export function watchTemplateLayers(dir: string, onChange: (file: string) => void): LayerWatcher {
  const watchers = new Map<string, FSWatcher>();
  let chain: string[] = [];
  const follow = () => {
    let folders: string[];
    try {
      folders = templateLayers(dir).map((l) => l.dir);
    } catch {
      // a broken template.yaml: keep watching what was watched (and the folder itself) until it is fixed
      folders = [...new Set([resolve(dir), ...watchers.keys()])];
    }
    chain = folders;
    for (const [folder, w] of watchers) {
      if (!folders.includes(folder)) {
        w.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const w = watch(folder, { recursive: true }, (_event, name) => {
          if (!name || !TEMPLATE_FILE.test(name.toString())) return;
          if (/(^|[\\/])template\.yaml$/.test(name.toString())) follow();
          onChange(resolve(folder, name.toString()));
        });
        w.on("error", () => undefined); // a folder removed while watched: the next render reports it
        watchers.set(folder, w);
      } catch {
        // a base that does not exist (yet): the render says so
      }
    }
  };
  follow();
  return {
    folders: () => chain.filter((f) => watchers.has(f)),
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
