/** Running the CLI as users do: the built dist/cli.js (npm test builds first), in a child process. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = process.cwd();
export const CLI = join(ROOT, "dist", "cli.js");
/** The command without the bundle (tsc's output): what dist/cli.js runs when there is no bundle. */
export const UNBUNDLED = existsSync(join(ROOT, "dist", "cli-main.js")) ? join(ROOT, "dist", "cli-main.js") : CLI;
export const EXAMPLE = join(ROOT, "examples", "arria-belarus-2020.zh.yaml");

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export function undoc(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ...options.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const tmp = (prefix = "undoc-cli-") => mkdtempSync(join(tmpdir(), prefix));
