/** Locale strings: the fixed wording of each language, kept in templates/<kind>/locales/<lang>.yaml. */
import { UndocError } from "../errors.js";

export type LocaleStrings = { [key: string]: string | LocaleStrings };

/** The string at a dotted key, with {name} placeholders replaced from `params`. */
export function lookupString(locale: LocaleStrings, key: string, params: Record<string, unknown>, file: string): string {
  let v: string | LocaleStrings | undefined = locale;
  for (const part of key.split(".")) {
    v = typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, part) ? v[part] : undefined;
  }
  if (typeof v !== "string") {
    throw new UndocError("TEMPLATE", `locale string "${key}" is missing`, { file }, `add "${key}" to ${file}`);
  }
  return v.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      throw new UndocError("TEMPLATE", `locale string "${key}" uses {${name}} but the template passes no ${name}=`, { file });
    }
    return String(params[name]);
  });
}
