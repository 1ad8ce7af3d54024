/**
 * A named pipe (FIFO) as input (issue 18, item 3): opening one for reading waits for a writer,
 * forever when there is none. undoc opens without blocking and refuses anything but a regular
 * file, so it exits 1 at once with a located error. Node cannot make a FIFO: mkfifo (coreutils)
 * does, hence a conformance check.
 */
import { describe, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "./tools.js";

const CLI = join(process.cwd(), "dist", "cli.js");

describe("a FIFO as input", () => {
  for (const command of ["render", "validate"]) {
    check(`undoc ${command} on a FIFO without a writer: exit 1 at once, "a named pipe"`, ["mkfifo"], () => {
      const dir = mkdtempSync(join(tmpdir(), "undoc-fifo-"));
      const fifo = join(dir, "doc.yaml");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [CLI, command, fifo, ...(command === "render" ? ["--out", join(dir, "out")] : [])], { encoding: "utf8", timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(r.stderr).toContain(`error: ${fifo}: cannot read the input: it is a named pipe (FIFO), not a regular file`);
    });
  }
});
