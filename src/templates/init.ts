/** `undoc init DIR`: a copy of the default templates to customise without touching code. */
import { cpSync, lstatSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { UndocError } from "../errors.js";

export function initTemplates(from: string, dir: string, options: { force?: boolean } = {}): string[] {
  const target = resolve(dir);
  let exists = true;
  try {
    // lstat: a link named DIR is not followed into wherever it points
    const st = lstatSync(target);
    if (!st.isDirectory()) {
      throw new UndocError("USAGE", `${dir} exists and is not a folder (it is ${st.isFile() ? "a file" : st.isSymbolicLink() ? "a symbolic link" : "a device, a pipe or a socket"})`, {}, "name a new folder: undoc init my-templates");
    }
  } catch (e) {
    if (e instanceof UndocError) throw e;
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new UndocError("OUTPUT", `cannot use ${dir}: ${(e as Error).message}`, { file: dir });
    exists = false;
  }
  if (exists && readdirSync(target).length > 0 && !options.force) {
    throw new UndocError("USAGE", `${dir} exists and is not empty`, {}, "choose another folder, or pass --force to overwrite the template files in it");
  }
  try {
    cpSync(from, target, { recursive: true, force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "the disk is full" : code === "ENOTDIR" || code === "EEXIST" ? "something in the folder is in the way (a file where a folder goes, or the other way round)" : (e as Error).message;
    throw new UndocError("OUTPUT", `cannot copy the templates into ${dir}: ${reason}`, { file: dir }, "choose a folder you can write to");
  }
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
