/**
 * The conformance suite: checks that need programs from outside npm (poppler, qpdf, zbar,
 * LibreOffice) to cross-check undoc's output. They run with `npm run test:conformance`
 * (vitest.conformance.config.ts sets UNDOC_CONFORMANCE=1). In `npm test` they are listed as
 * skipped, with that command as the reason.
 *
 * A check whose program is missing is skipped with the reason and the install command, never
 * passed; with CI=true a missing program fails the check instead.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { it, type TestContext } from "vitest";

/** Debian package of each program */
export const PACKAGES = {
  pdftotext: "poppler-utils",
  pdffonts: "poppler-utils",
  pdfinfo: "poppler-utils",
  pdftoppm: "poppler-utils",
  qpdf: "qpdf",
  zbarimg: "zbar-tools",
  soffice: "libreoffice-writer-nogui",
  unzip: "unzip",
  chromium: "chromium",
  mkfifo: "coreutils",
} as const;
export type Program = keyof typeof PACKAGES;

/** Marks the skip notes of `npm test` (the reporter counts them). */
export const NOT_RUN_NOTE = "conformance check: run it with npm run test:conformance";

/** true in `npm run test:conformance` */
export const CONFORMANCE = process.env.UNDOC_CONFORMANCE === "1";
const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? "");

/** The program's path on PATH, or undefined (looked up, not run: no start-up cost). */
export function which(program: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, program);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export function installCommand(programs: readonly Program[]): string {
  return `apt-get install -y ${[...new Set(programs.map((p) => PACKAGES[p]))].join(" ")}`;
}

export function missing(programs: readonly Program[]): Program[] {
  return programs.filter((p) => which(p) === undefined);
}

/** Whether checks needing `programs` run in this process (for beforeAll work that only they need). */
export function willRun(programs: readonly Program[]): boolean {
  return CONFORMANCE && missing(programs).length === 0;
}

/** The reason a check needing `programs` does not run here, or undefined when it runs. */
function notRunning(programs: readonly Program[]): string | undefined {
  if (!CONFORMANCE) return NOT_RUN_NOTE;
  const gone = missing(programs);
  if (gone.length === 0) return undefined;
  return `${gone.join(", ")} not installed (Debian/Ubuntu: ${installCommand(gone)})`;
}

/**
 * A conformance check: `it(name, fn)` that runs only in the conformance suite and only when every
 * program it needs is installed; otherwise it is skipped with the reason (or, with CI=true, fails).
 */
export function check(name: string, programs: readonly Program[], fn: (ctx: TestContext) => unknown, timeout?: number): void {
  it(
    name,
    async (ctx) => {
      const reason = notRunning(programs);
      if (reason === NOT_RUN_NOTE) return ctx.skip(reason);
      if (reason) {
        if (IN_CI) throw new Error(`${reason}: CI=true, so a missing program fails the check`);
        return ctx.skip(reason);
      }
      await fn(ctx);
    },
    timeout,
  );
}

/** Runs a program and returns its standard output (stderr kept out of the test output). */
export function run(program: Program, args: string[], options: { timeout?: number } = {}): string {
  return execFileSync(program, args, { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"], timeout: options.timeout ?? 120_000 });
}
