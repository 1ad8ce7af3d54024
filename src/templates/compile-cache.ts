/**
 * Compiling a template once: one parse, whose tree gives both the compiled template
 * (Handlebars.precompile of the tree, then Handlebars.template) and what the engine reads from
 * the tree (the partials it uses), instead of a parse and two compilations. The precompiled form
 * (JavaScript source) and what was read from the tree are kept on disk (src/disk-cache.ts) for
 * the bundled templates, under a hash of the template's text, its name, the options and
 * Handlebars' version, so a new process does not compile them again. A user's own templates are
 * compiled in each process (kept on disk, every edit would leave an entry behind); a template that
 * does not compile is never kept: its errors are raised every time.
 */
import { createHash } from "node:crypto";
import type Handlebars from "handlebars";
import { readCached, writeCached } from "../disk-cache.js";
import { BUNDLED_TEMPLATES } from "../package-root.js";


export interface Compiled<T> {
  template: HandlebarsTemplateDelegate;
  /** what `read` took from the parse tree */
  read: T;
}

/** The compiled template and what `read` takes from its parse tree (as JSON), cached. */
export function compileOnce<T>(hb: typeof Handlebars, src: string, name: string, options: object, read: (ast: hbs.AST.Program) => T): Compiled<T> {
  const persist = name.startsWith(BUNDLED_TEMPLATES);
  const key = persist ? createHash("sha1").update(JSON.stringify([hb.VERSION, options, name, src])).digest("hex") : "";
  const file = `template-${key}.json`;
  const cached = persist ? readCached(file) : undefined;
  if (cached) {
    try {
      const { spec, read: r } = JSON.parse(cached.toString("utf8")) as { spec: string; read: T };
      return { template: hb.template(evaluate(spec)), read: r };
    } catch {} // a damaged entry: compile again
  }
  const ast = hb.parse(src);
  const r = read(ast);
  // a copy: Handlebars writes into the options it compiles with (data, blockParams, knownHelpers),
  // which would change the key of every template compiled after this one in the process
  const spec = hb.precompile(ast, structuredClone(options)) as unknown as string;
  if (persist) writeCached(file, Buffer.from(JSON.stringify({ spec, read: r })));
  return { template: hb.template(evaluate(spec)), read: r };
}

/** A precompiled template's source as the object Handlebars.template takes. */
function evaluate(spec: string): TemplateSpecification {
  return new Function(`return (${spec});`)() as TemplateSpecification;
}
