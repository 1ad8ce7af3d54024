#!/usr/bin/env node
/**
 * The undoc command: a thin layer over the library API.
 *   undoc render <input...> [--out DIR] [--format pdf,docx] [--templates DIR]
 *   undoc schema
 * Exit codes: 0 all rendered; 1 an input or template was wrong (message says where);
 * 2 bad command-line use; 3 an internal error (please report it).
 */
import { parseArgs } from "node:util";
import { isUndocError, UndocError } from "./errors.js";
import { jsonSchema } from "./input/schema.js";
import { FORMATS, type Format } from "./render/pipeline.js";
import { renderFile } from "./render/render-file.js";

const USAGE = `usage:
  undoc render <input...> [--out DIR] [--format pdf,docx] [--templates DIR]
  undoc schema                 print the JSON Schema of the data format
  undoc --help`;

function parseFormats(value: string | undefined): Format[] {
  if (!value) return [...FORMATS];
  const formats = value.split(",").map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!FORMATS.includes(f as Format)) throw new UndocError("USAGE", `unknown format "${f}" (formats: ${FORMATS.join(", ")})`);
  }
  return [...new Set(formats)] as Format[];
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === "schema") {
    console.log(JSON.stringify(jsonSchema(), null, 2));
    return 0;
  }
  if (command !== "render") throw new UndocError("USAGE", `unknown command "${command}"\n${USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o", default: "output" },
      format: { type: "string", short: "f" },
      templates: { type: "string", short: "t" },
    },
  });
  if (positionals.length === 0) throw new UndocError("USAGE", `no input files\n${USAGE}`);
  const formats = parseFormats(values.format);
  let failed = 0;
  for (const input of positionals) {
    try {
      const r = await renderFile(input, values.out!, { formats, templates: values.templates });
      for (const o of r.outputs) console.log(`${o.path} (${Math.round(o.bytes / 1024)} KB)`);
    } catch (e) {
      if (!isUndocError(e)) throw e;
      failed++;
      console.error(`error: ${e.message}`);
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (isUndocError(e)) {
      console.error(`error: ${e.message}`);
      process.exit(e.code === "USAGE" ? 2 : 1);
    }
    if (e instanceof TypeError && /parseArgs|ERR_PARSE_ARGS/.test(String((e as { code?: string }).code ?? e.message))) {
      console.error(`error: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(`internal error (please report it): ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(3);
  },
);
