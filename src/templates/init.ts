/** `undoc init DIR`: a copy of the default templates to customise without touching code. */
import { cpSync, existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { UndocError } from "../errors.js";

export function initTemplates(from: string, dir: string, options: { force?: boolean } = {}): string[] {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0 && !options.force) {
    throw new UndocError("USAGE", `${dir} exists and is not empty`, {}, "choose another folder, or pass --force to overwrite the template files in it");
  }
  cpSync(from, target, { recursive: true, force: true });
  return listFiles(target);
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...listFiles(resolve(dir, e.name), `${prefix}${e.name}/`));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}
