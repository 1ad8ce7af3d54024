/** Output names: where each input's PDF and DOCX go (writing them: commit.ts). */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

const stem = (file: string) => file.replace(/\.(ya?ml|json)$/i, "");

/**
 * output/x.zh.pdf for examples/x.zh.yaml; with `outName` (a path below outDir without the
 * extension, from outputNames) output/<outName>.pdf.
 */
export function outputPath(input: string, outDir: string, format: string, outName?: string): string {
  return join(outDir, `${outName ?? stem(basename(input))}.${format}`);
}

/**
 * Output names for a batch that keep the inputs' folders below their common folder, so that
 * docs/a/x.yaml and docs/b/x.yaml give a/x and b/x, never one x for both. One input, or inputs
 * from one folder, give bare names (examples/x.zh.yaml -> x.zh).
 */
export function outputNames(inputs: readonly string[]): Map<string, string> {
  const dirs = inputs.map((i) => dirname(resolve(i)));
  let base = dirs[0] ?? "";
  for (const d of dirs) {
    while (base && d !== base && !d.startsWith(base.endsWith(sep) ? base : base + sep)) {
      const up = dirname(base);
      if (up === base) break; // the file system's root
      base = up;
    }
  }
  const names = new Map<string, string>();
  for (const input of inputs) {
    const rel = relative(base, resolve(input));
    // no common folder (inputs on two Windows drives): fall back to the bare name
    names.set(input, stem(rel.startsWith("..") || isAbsolute(rel) ? basename(input) : rel).split(sep).join("/"));
  }
  return names;
}
