/**
 * A vitest reporter that ends each run with one line about the conformance checks
 * (tests/conformance/): in `npm test` how many were skipped and how to run them; in
 * `npm run test:conformance` how many ran, and which were skipped and why.
 */
import type { Reporter, TestModule } from "vitest/node";
import { installCommand, missing, NOT_RUN_NOTE, PACKAGES, type Program } from "./tools.js";

const isConformance = (m: TestModule) => /[\\/]tests[\\/]conformance[\\/]/.test(m.moduleId);

export default class ConformanceSummary implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests = testModules.filter(isConformance).flatMap((m) => [...m.children.allTests()]);
    if (tests.length === 0) return;
    const count = (state: string) => tests.filter((t) => t.result().state === state).length;
    const skipped = tests.filter((t) => t.result().state === "skipped");
    const noteOf = (t: (typeof tests)[number]) => (t.result() as { note?: string }).note ?? "skipped";
    const programs = Object.keys(PACKAGES) as Program[];
    const gone = missing(programs);
    const lines: string[] = [];
    if (skipped.length > 0 && skipped.every((t) => noteOf(t) === NOT_RUN_NOTE)) {
      const here = gone.length ? `missing here: ${gone.join(", ")}; ${installCommand(gone)}` : "all installed here";
      lines.push(`conformance: ${skipped.length} checks skipped (they need ${programs.join(", ")}; ${here}): run them with npm run test:conformance`);
    } else {
      lines.push(`conformance: ${tests.length} checks, ${count("passed")} passed, ${count("failed")} failed, ${skipped.length} skipped`);
      for (const t of skipped) lines.push(`  skipped: ${t.module.moduleId.replace(/^.*[\\/]tests[\\/]/, "tests/")} > ${t.fullName}: ${noteOf(t).replace(/ \(Debian\/Ubuntu: .*\)$/, "")}`);
      const needed = gone.filter((p) => skipped.some((t) => new RegExp(`\\b${p}\\b`).test(noteOf(t))));
      if (needed.length) lines.push(`  to run them: ${installCommand(needed)}`);
    }
    console.log(`\n${lines.join("\n")}`);
  }
}
