/** Shared test fixtures and helpers. */
import { UndocError } from "../src/errors.js";

/** The UndocError `fn` throws (any other throw, or none, fails the test). */
export function errorOf(fn: () => unknown): UndocError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UndocError) return e;
    throw e;
  }
  throw new Error("expected an UndocError");
}

/** The smallest valid document: a one-paragraph letter, no annex (line numbers are relied on). */
export const MINIMAL_YAML = `meta:
  symbol: S/2020/905
  organ: 安全理事会
  distribution: general
  issued: 2020-09-16
  language: zh
  original: en
  jobNumber: "20-11937"
letter:
  date: 2020-09-14
  from: 甲
  to: 乙
  paragraphs:
    - 第一段。
  signature:
    titles: [大使]
    name: 某某
`;
