/**
 * Memory: a located refusal before a document is rendered that would run the process out of heap
 * (V8 aborts a process that reaches its heap limit: exit 134, no message, no cleanup). What a render
 * holds grows with the input: the parsed YAML, the data, the markup, the model, then each writer's
 * own structures. The factors below are the heap per byte of input a render needs, measured on
 * documents from 200 to 10,000 pages (bench/MEMORY.md, `node bench/memory.mjs --min-heap`).
 * Inputs are capped at 64 MB, so with Node's default heap (4 GB on a 64-bit machine with 16 GB
 * or more) nothing is refused; a smaller --max-old-space-size, or a small machine, refuses what
 * it could not finish. A worker that still runs out fails its document (batch/pool.ts).
 */
import { getHeapStatistics } from "node:v8";
import { UndocError } from "../errors.js";
import type { Format } from "./options.js";

/** The heap limit a render needs before any document: fonts parsed, code loaded, V8's young generation (MB). */
const BASE_MB = 128;

/**
 * Heap per byte of input, by the formats rendered ("none": validate, no writer). Measured as the
 * smallest --max-old-space-size a render succeeds with, from 2,000 to 10,000 pages
 * (bench/MEMORY.md): the PDF about 3.3 (it draws and drops page by page; the structure tree and
 * the object offsets stay to the end), the DOCX and both formats about 21.5 (the DOCX writer builds the
 * whole package in memory; measured with the docx library, which the DOCX writer no longer uses); about 1.3 to 2 times that here, so the estimate errs on the safe side.
 */
const PER_INPUT_BYTE = { none: 4, pdf: 6, docx: 28, both: 28 } as const;

const keyOf = (formats: readonly Format[]) =>
  formats.includes("pdf") && formats.includes("docx") ? "both" : formats.includes("docx") ? "docx" : formats.includes("pdf") ? "pdf" : "none";

export const v8HeapLimitMB = () => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);

/** The heap a render of `bytes` of input needs, in MB (an estimate on the safe side). */
export function heapNeededMB(bytes: number, formats: readonly Format[]): number {
  return Math.ceil(BASE_MB + (bytes * PER_INPUT_BYTE[keyOf(formats)]) / 2 ** 20);
}

/** The largest input this process can render in `formats`, in MB. */
export function largestInputMB(formats: readonly Format[]): number {
  return Math.max(0, Math.floor((v8HeapLimitMB() - BASE_MB) / PER_INPUT_BYTE[keyOf(formats)]));
}

/**
 * An INPUT_READ error at `file` when rendering `bytes` of input would need more heap than this
 * process may use, saying how large a file it can take and how to raise the limit.
 */
export function checkMemory(file: string, bytes: number, formats: readonly Format[]): void {
  // UNDOC_MEMORY_CHECK=off: no estimate (bench/memory.mjs measures the real need with it)
  if (process.env.UNDOC_MEMORY_CHECK === "off") return;
  const need = heapNeededMB(bytes, formats);
  const limit = v8HeapLimitMB();
  if (need <= limit) return;
  const mb = (bytes / 2 ** 20).toFixed(1);
  throw new UndocError(
    "INPUT_READ",
    `the file is ${mb} MB: ${formats.length ? `rendering it (${formats.join(" and ")})` : "checking it"} needs about ${need} MB of memory, and this process may use ${limit} MB; it can take files of up to about ${largestInputMB(formats)} MB`,
    { file },
    `raise the limit (NODE_OPTIONS=--max-old-space-size=${Math.ceil((need * 1.2) / 256) * 256} undoc ...)${formats.length > 1 ? ", render one format at a time" : ""}, or split the document`,
  );
}
