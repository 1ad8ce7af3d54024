/** Helpers of the interruption tests: undoc in the background, folders and hashes. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { CLI } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
export const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
export const hidden = (dir: string) => listing(dir).filter((f) => f.startsWith("."));

/** A dead process id: one that was just used and has ended. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.once("exit", r));
  return child.pid!;
}

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `undoc args...` in the background: the child and its end. */
export function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const ended = new Promise<Ended>((resolve) => child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, ended };
}

/** Waits until `dir` holds a file whose name matches `pattern`. */
export async function until(dir: string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!listing(dir).some((f) => pattern.test(f))) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`no ${pattern} in ${dir}: ${listing(dir).join(", ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const version = (n: number) => MINIMAL_YAML.replace("第一段。", `第一段，第${n}版。`);
