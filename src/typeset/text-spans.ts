/** Model inlines -> typesetter spans: strong text takes the bold faces. */
import type { Inline } from "../model/types.js";
import type { Span, Weight } from "./units.js";

export function spansOf(inlines: Inline[], weight: Weight = "regular"): Span[] {
  const out: Span[] = [];
  for (const n of inlines) {
    if (n.type === "text") out.push({ text: n.value, weight });
    else if (n.type === "strong") out.push(...spansOf(n.children, "bold"));
    else out.push(...spansOf(n.children, weight)); // emphasis: Chinese has no italic; same face
  }
  return out;
}
