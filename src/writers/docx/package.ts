/**
 * The package, zipped once: docx's compiler turns the File into the package's parts by path
 * (XML as text, images and fonts as bytes), and undoc's deterministic zip writer (zip.ts) stores
 * them, [Content_Types].xml first as Word writes it, then in docx's order.
 *
 * docx's Packer zips with fflate itself (current time, its own order); its compiler is the step
 * before that. docx 9.15 keeps the compiler as a private static member of Packer
 * (`Packer.compiler.compile(file, prettify, overrides)`, documented in its source as returning
 * "the package's files by their paths, in the order they are zipped"); package.json pins docx to
 * the exact version, and this file checks the member at run time so an upgrade that moves it fails
 * here with a clear message instead of writing a broken file.
 */
import { Packer, type File } from "docx";
import { zipEntries } from "./zip.js";

type Compile = (file: File, prettify?: unknown, overrides?: readonly unknown[]) => Map<string, string | Uint8Array>;

function compiler(): Compile {
  const c = (Packer as unknown as { compiler?: { compile?: Compile } }).compiler;
  if (typeof c?.compile !== "function") throw new Error("docx's Packer has no compiler.compile: this version of docx is not the one undoc was written for (package.json pins it)");
  return c.compile.bind(c);
}

const CONTENT_TYPES = "[Content_Types].xml";
const encoder = new TextEncoder();

/** The package's parts by path, as docx compiles them. */
export function packageParts(file: File): Map<string, string | Uint8Array> {
  return compiler()(file, undefined, []);
}

/** The parts as a zip, dated `date`, [Content_Types].xml first. */
export function zipPackage(parts: Map<string, string | Uint8Array>, date: Date): Uint8Array {
  const names = [CONTENT_TYPES, ...[...parts.keys()].filter((n) => n !== CONTENT_TYPES)];
  return zipEntries(
    names.map((name) => {
      const data = parts.get(name)!;
      return { name, data: typeof data === "string" ? encoder.encode(data) : data };
    }),
    date,
  );
}
