/**
 * Preloaded into a child process (`node --import bench/rss-probe.mjs ...`) when /usr/bin/time is
 * missing: at exit, writes "user system maxrss" (seconds, seconds, KB), as `/usr/bin/time -f "%U %S %M"`
 * would, to $BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const r = process.resourceUsage();
    writeFileSync(file, `${r.userCPUTime / 1e6} ${r.systemCPUTime / 1e6} ${r.maxRSS}\n`);
  });
}
