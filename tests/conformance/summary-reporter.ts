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
    const skipped = tests.map((t) => t.result()).filter((r) => r.state === "skipped");
    const notes = new Map<string, number>();
    for (const r of skipped) {
      const note = (r as { note?: string }).note ?? "skipped";
      notes.set(note, (notes.get(note) ?? 0) + 1);
    }
    const programs = Object.keys(PACKAGES) as Program[];
    const gone = missing(programs);
    const here = gone.length ? `missing here: ${gone.join(", ")}; ${installCommand(gone)}` : "all installed here";
    const lines: string[] = [];
    if (notes.size === 1 && notes.has(NOT_RUN_NOTE)) {
      lines.push(`conformance: ${skipped.length} checks skipped (they need ${programs.join(", ")}; ${here}): run them with npm run test:conformance`);
    } else {
      lines.push(`conformance: ${tests.length} checks, ${count("passed")} passed, ${count("failed")} failed, ${skipped.length} skipped`);
      for (const [note, n] of notes) lines.push(`  ${n} skipped: ${note}`);
    }
    console.log(`\n${lines.join("\n")}`);
  }
}
