/** The commands of the undoc CLI: their options and help texts (`undoc <command> --help`). */
import type { OptionSpec } from "./args.js";

export interface CommandSpec {
  name: string;
  /** one line, for `undoc --help` */
  summary: string;
  /** the arguments after the command name */
  synopsis: string;
  options: OptionSpec[];
  /** paragraphs after the options */
  notes: string[];
}

const HELP: OptionSpec = { name: "help", short: "h", help: "show this help" };
const JSON_REPORT = "print one JSON report on stdout, whatever happens (see the README)";

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "render",
    summary: "render data files to PDF and DOCX",
    synopsis: "<input...> [options]",
    options: [
      { name: "out", short: "o", value: "DIR", help: "output folder (default: output); the inputs' folders below their common folder are kept" },
      { name: "format", short: "f", value: "LIST", help: "formats, comma-separated: pdf, docx (default: both)" },
      { name: "templates", short: "t", value: "DIR", help: "template folder (default: the bundled un-letter; make one with undoc init)" },
      { name: "jobs", short: "j", value: "N", help: "documents rendered at once (default: the number of cores)" },
      { name: "json", help: JSON_REPORT },
      { name: "quiet", short: "q", help: "print nothing but errors" },
      { name: "watch", short: "w", help: "render again whenever an input, a template, a locale string or the style changes" },
      { name: "docx-fonts", value: "MODE", help: "DOCX fonts: editable (default: whole Latin faces, Chinese subsets that never hide installed fonts), full, subset or none (see the README)" },
      { name: "system-fonts", help: "DOCX: the same as --docx-fonts none (name SimSun, SimHei and Times New Roman, embed nothing)" },
      HELP,
    ],
    notes: [
      'Inputs are YAML or JSON files, or globs ("data/**/*.yaml", quoted). Outputs are named after the inputs: examples/x.zh.yaml gives output/x.zh.pdf and output/x.zh.docx; docs/a/x.yaml and docs/b/x.yaml give output/a/x.* and output/b/x.*.',
      "Exit codes: 0 all rendered, 1 an input, template or style was wrong, 2 bad command-line use, 3 an internal error.",
    ],
  },
  {
    name: "validate",
    summary: "check data files without rendering",
    synopsis: "<input...> [options]",
    options: [
      { name: "templates", short: "t", value: "DIR", help: "template folder the data is checked against (default: the bundled un-letter)" },
      { name: "json", help: JSON_REPORT },
      HELP,
    ],
    notes: [
      "Reports every problem of each file (up to 50), each with its file, line, column and field, and runs every check render makes short of writing: the schema, the text, the language's locale strings, the templates, the fonts' coverage.",
      "Exit codes: 0 all valid, 1 a problem found, 2 bad command-line use.",
    ],
  },
  {
    name: "schema",
    summary: "print the JSON Schema of the data format",
    synopsis: "",
    options: [HELP],
    notes: ["Editors with the YAML language server use it for completion and checking: see schema/document.schema.json."],
  },
  {
    name: "init",
    summary: "copy the default templates into DIR to customise them",
    synopsis: "[DIR] [options]",
    options: [{ name: "force", help: "copy into a folder that is not empty" }, HELP],
    notes: ["DIR defaults to templates-custom. Render with them: undoc render <input> --templates DIR."],
  },
];

export const commandNamed = (name: string) => COMMANDS.find((c) => c.name === name);

/** `undoc --help` */
export function mainUsage(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `undoc ${version}: UN-style official documents (PDF and DOCX) from YAML or JSON data`,
    "",
    "usage: undoc <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${"help".padEnd(width)}  show the help of a command: undoc help render`,
    "",
    "options:",
    "  -h, --help     show this help (undoc <command> --help for a command's)",
    "  -v, --version  print the version",
  ].join("\n");
}

const WIDTH = 100;

/** Words of `text` in lines of at most WIDTH characters, the first after `first`, the others indented by `indent`. */
function wrap(text: string, first: string, indent: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== "" && line !== first) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line === first || line === indent ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}

/** `undoc <command> --help` */
export function commandUsage(spec: CommandSpec): string {
  const label = (o: OptionSpec) => `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
  const width = Math.max(...spec.options.map((o) => label(o).length));
  return [
    `usage: undoc ${spec.name}${spec.synopsis ? ` ${spec.synopsis}` : ""}`,
    "",
    `${spec.summary[0].toUpperCase()}${spec.summary.slice(1)}.`,
    "",
    "options:",
    ...spec.options.map((o) => wrap(o.help, `  ${label(o).padEnd(width)}  `, " ".repeat(width + 4))),
    ...spec.notes.flatMap((n) => ["", wrap(n, "", "")]),
  ].join("\n");
}
