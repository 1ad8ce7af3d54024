/**
 * `undoc preview <input> [--templates DIR] [--port N]`: renders the input, serves the pages and the
 * DOCX outline on 127.0.0.1, and renders again on every change until Ctrl-C (exit 0).
 */
import { existsSync } from "node:fs";
import type { Parsed } from "../cli/args.js";
import { UndocError } from "../errors.js";
import { startServer } from "./server.js";
import { PreviewSession } from "./session.js";

function portOf(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UndocError("USAGE", `--port takes a port number from 0 to 65535 (0: any free port), not "${String(value)}"`);
  return Number(value);
}

export async function preview({ values, positionals }: Parsed): Promise<number> {
  if (positionals.length !== 1) throw new UndocError("USAGE", `preview takes one input file, not ${positionals.length}: undoc preview <input> [--templates DIR]`);
  const input = positionals[0];
  if (!existsSync(input)) throw new UndocError("USAGE", `no input file ${input}`);
  const port = portOf(values.port);
  const session = new PreviewSession({ input, templates: values.templates as string | undefined });
  await session.start();
  let server;
  try {
    server = await startServer(session, { port });
  } catch (e) {
    await session.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") throw new UndocError("USAGE", `cannot listen on 127.0.0.1:${port} (${code === "EADDRINUSE" ? "in use" : "not allowed"})`, {}, "leave out --port to take any free port");
    throw e;
  }
  const report = (s: typeof session.state) => {
    if (s.ok && s.docxMs !== undefined) console.log(`rendered: PDF ${Math.round(s.pdfMs ?? 0)} ms, DOCX ${Math.round(s.docxMs)} ms${s.changed.length ? ` (changed: ${s.changed.join(", ")})` : ""}`);
    else if (!s.ok && s.error) console.error(`error: ${s.error.file ? `${s.error.file}${s.error.line ? `:${s.error.line}` : ""}${s.error.column ? `:${s.error.column}` : ""}: ` : ""}${s.error.message}`);
  };
  report(session.state);
  session.onState(report);
  console.log(`preview: ${server.url} (127.0.0.1 only; Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  await session.close();
  console.log("preview stopped");
  return 0;
}
