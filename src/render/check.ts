/**
 * Checking a data file without rendering it (`undoc validate`): every problem of the file, not
 * only the first, then every check a render makes before its writers run (prepareDocument), so
 * a file that validates does not fail to render for anything short of writing.
 */
import { isUndocError, type UndocError } from "../errors.js";
import { analyseData, readDataFile } from "../input/load.js";
import { checkMemory } from "./memory.js";
import { DEFAULT_TEMPLATES, prepareDocument } from "./pipeline.js";

/** Most problems reported for one file: past that, they are counted. */
export const MAX_PROBLEMS = 50;

export interface FileCheck {
  input: string;
  /** the problems found, at most `limit`, most useful first */
  problems: UndocError[];
  /** how many more there are */
  more: number;
}

export function checkFile(input: string, templates: string = DEFAULT_TEMPLATES, limit = MAX_PROBLEMS): FileCheck {
  let problems: UndocError[];
  try {
    const text = readDataFile(input);
    checkMemory(input, Buffer.byteLength(text), []);
    const analysis = analyseData(text, input);
    problems = analysis.problems;
    // the templates and fonts can only be tried on data that passed: one problem at most from them
    if (analysis.data) prepareDocument(analysis.data, templates);
  } catch (e) {
    if (!isUndocError(e)) throw e;
    problems = [e];
  }
  return { input, problems: problems.slice(0, limit), more: Math.max(0, problems.length - limit) };
}
