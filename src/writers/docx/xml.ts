/**
 * The one way undoc writes an element docx has no class for: `el(name, attributes, children)`, a
 * docx XmlComponent, so it goes into docx's parts like docx's own components and is serialised by
 * docx's formatter (escaping included). Used for the East Asian paragraph settings, the settings,
 * styles, font table and core properties parts; everything else is docx's own classes.
 */
import { NextAttributeComponent, XmlComponent, type BaseXmlComponent } from "docx";

export type Attributes = Record<string, string | number | undefined>;
export type Child = BaseXmlComponent | string | undefined | false;

/** An element with attributes (undefined ones are left out) and children (components or text). */
export class Element extends XmlComponent {
  constructor(name: string, attributes: Attributes = {}, children: readonly Child[] = []) {
    super(name);
    const attrs = Object.entries(attributes).filter((a): a is [string, string | number] => a[1] !== undefined);
    if (attrs.length) this.root.push(new NextAttributeComponent(Object.fromEntries(attrs.map(([key, value]) => [key, { key, value }]))));
    for (const c of children) if (c !== undefined && c !== false) this.root.push(c);
  }
}

export function el(name: string, attributes?: Attributes, children?: readonly Child[]): Element {
  return new Element(name, attributes, children);
}

/** A w:val element (w:jc, w:pStyle, ...). */
export const val = (name: string, v: string | number): Element => el(name, { "w:val": v });

/** A CT_OnOff element: present means on; `false` writes w:val="0"; undefined writes nothing. */
export function onOff(name: string, v: boolean | undefined): Element | undefined {
  if (v === undefined) return undefined;
  return v ? el(name) : el(name, { "w:val": "0" });
}
