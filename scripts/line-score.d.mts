/** Types of line-score.mjs. */
export interface Missed {
  want: string;
  /** the nearest line of the PDF, to show what came out instead */
  got: string;
}
export interface LineScore {
  reproduced: number;
  total: number;
  percent: number;
  missed: Missed[];
}
export const DEFAULT_FIXTURE: string;
export function normaliseLine(s: string): string;
export function fixtureLines(text: string): string[];
export function scoreLines(pdfLines: string[], wanted: string[]): LineScore;
export function lineScore(pdfBytes: Uint8Array, fixtureText: string): Promise<LineScore>;
