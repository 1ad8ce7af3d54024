/** Model inlines -> typesetter spans: strong text takes the bold variant, emphasis the italic one. */
import type { Inline } from "../model/types.js";
import type { Span, Weight } from "./units.js";

export function spansOf(inlines: Inline[], weight: Weight = "regular", italic = false): Span[] {
  const out: Span[] = [];
  for (const n of inlines) {
    if (n.type === "text") out.push({ text: n.value, weight, ...(italic && { italic }) });
    else if (n.type === "strong") out.push(...spansOf(n.children, "bold", italic));
    else out.push(...spansOf(n.children, weight, true));
  }
  return out;
}
