/**
 * Command-line parsing for undoc: options per command, with messages a person can act on (an
 * unknown option gets "did you mean", a missing value says which) instead of Node's parser text.
 * Every problem is a USAGE error: one line, exit code 2.
 */
import { UndocError } from "../errors.js";

export interface OptionSpec {
  /** long name without the dashes */
  name: string;
  short?: string;
  /** a string option takes a value: its placeholder in the usage (DIR, N, LIST) */
  value?: string;
  help: string;
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Edit distance (insertions, deletions, substitutions; a swap of two neighbours counts once). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate closest to `word`, if it is close enough to be a typo of it (or `word` is a prefix of it). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const limit = Math.max(1, Math.min(2, Math.floor(w.length / 3)));
  if (best !== undefined && bestDistance <= limit) return best;
  const prefixed = candidates.filter((c) => w.length >= 2 && c.toLowerCase().startsWith(w));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export const didYouMean = (s: string | undefined) => (s ? ` (did you mean ${s}?)` : "");

/**
 * Parses `args` for `command` against its options. `others` maps options of other commands to
 * the command that has them, for "undoc validate has no --out: it is an option of render".
 */
export function parseOptions(command: string, args: readonly string[], specs: readonly OptionSpec[], others: ReadonlyMap<string, string> = new Map()): Parsed {
  const values: Parsed["values"] = {};
  const positionals: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const see = `see undoc ${command} --help`;
  const set = (spec: OptionSpec, value: string | boolean, shown: string) => {
    if (values[spec.name] !== undefined && spec.value) throw new UndocError("USAGE", `${shown} is given twice; ${see}`);
    values[spec.name] = value;
  };
  const takeValue = (spec: OptionSpec, shown: string, i: number): string => {
    const next = args[i];
    // "--out --json" is a forgotten value, not an output folder named --json
    if (next === undefined || (next.startsWith("-") && next !== "-")) throw new UndocError("USAGE", `${shown} needs a value (${shown} ${spec.value}); ${see}`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw unknownOption(command, `--${name}`, specs, others, see);
      if (eq >= 0) {
        if (!spec.value) throw new UndocError("USAGE", `--${name} takes no value; ${see}`);
        const v = arg.slice(eq + 1);
        if (v === "") throw new UndocError("USAGE", `--${name} needs a value (--${name} ${spec.value}); ${see}`);
        set(spec, v, `--${name}`);
      } else if (spec.value) set(spec, takeValue(spec, `--${name}`, ++i), `--${name}`);
      else set(spec, true, `--${name}`);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      // a long name after one dash (-out) would otherwise read as -o with the value "ut"
      if (arg.length > 2 && byName.has(arg.slice(1).split("=")[0])) {
        throw new UndocError("USAGE", `unknown option ${arg.split("=")[0]} for undoc ${command} (did you mean --${arg.slice(1).split("=")[0]}?); ${see}`);
      }
      // -q, -qw (flags together), -j2 / -j 2 (a value attached or next)
      for (let k = 1; k < arg.length; k++) {
        const spec = byShort.get(arg[k]);
        if (!spec) throw unknownOption(command, `-${arg[k]}`, specs, others, see);
        if (!spec.value) {
          set(spec, true, `-${arg[k]}`);
          continue;
        }
        const rest = arg.slice(k + 1);
        set(spec, rest !== "" ? rest : takeValue(spec, `-${arg[k]}`, ++i), `-${arg[k]}`);
        break;
      }
      continue;
    }
    positionals.push(arg);
  }
  return { values, positionals };
}

function unknownOption(command: string, shown: string, specs: readonly OptionSpec[], others: ReadonlyMap<string, string>, see: string): UndocError {
  const name = shown.replace(/^-+/, "");
  const elsewhere = others.get(name);
  if (shown.startsWith("--") && elsewhere && !specs.some((s) => s.name === name)) {
    return new UndocError("USAGE", `undoc ${command} has no ${shown} (it is an option of undoc ${elsewhere}); ${see}`);
  }
  // one letter is a typo of any other: suggest long names only
  const guess = shown.startsWith("--") ? closest(shown, specs.map((s) => `--${s.name}`)) : undefined;
  return new UndocError("USAGE", `unknown option ${shown} for undoc ${command}${didYouMean(guess)}; ${see}`);
}
