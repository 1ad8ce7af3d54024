/**
 * One cold Typst run, as a whole process: load the compiler, create it (font discovery), compile
 * one document to PDF, write it.
 *
 *   node bench/typst-cold.mjs <doc.typ | data.yaml> [out.pdf] [--fonts DIR]
 *
 * The benchmark passes a .typ file written beforehand (bench/typst-source.mjs), so this process
 * does what `typst compile` does. Given a .yaml it converts it first (loads dist/ as well).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { fonts: { type: "string" } } });
const [input, output = input.replace(/\.(typ|ya?ml|json)$/, "") + ".typst.pdf"] = positionals;

let source;
if (/\.typ$/.test(input)) source = readFileSync(input, "utf8");
else {
  const { loadDataFile } = await import("../dist/input/load.js");
  const { toTypst } = await import("./typst-source.mjs");
  source = toTypst(loadDataFile(input).data);
}
let fonts = values.fonts;
if (!fonts) fonts = (await import("./typst-fonts.mjs")).typstFontDir().dir;

const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
const result = compiler.compile({ mainFileContent: source });
if (result.hasError()) {
  result.printErrors();
  process.exit(1);
}
writeFileSync(output, compiler.pdf(result.result));
