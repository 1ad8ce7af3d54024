/**
 * docx's File with the parts undoc builds itself in place of docx's own: the styles, the
 * settings, the font table, the core properties and the footnotes' separators (each file says why). docx's compiler reads a
 * document's parts through File's getters (File.Styles, File.Settings, File.FontTable,
 * File.CoreProperties, File.FootNotes), so a subclass that answers them with undoc's components is docx's own way
 * of replacing a part; everything else (the body, headers, footers, footnotes, numbering,
 * relationships, content types, images) is docx's.
 */
import { File, type IPropertiesOptions, type Styles, type XmlComponent } from "docx";
import type { FontTable } from "./font-table.js";
import type { Footnotes } from "./footnotes.js";

export interface OwnParts {
  styles: Styles;
  settings: XmlComponent;
  fontTable: FontTable;
  coreProperties: XmlComponent;
  footnotes: Footnotes;
}

export class UndocFile extends File {
  constructor(
    options: IPropertiesOptions,
    private readonly own: OwnParts,
  ) {
    super(options);
  }

  override get Styles(): File["Styles"] {
    return this.own.styles;
  }

  override get Settings(): File["Settings"] {
    return this.own.settings;
  }

  override get CoreProperties(): File["CoreProperties"] {
    return this.own.coreProperties;
  }

  /** The footnotes with undoc's separators; their relationships are docx's. */
  override get FootNotes(): File["FootNotes"] {
    return { View: this.own.footnotes, Relationships: super.FootNotes.Relationships } as unknown as File["FootNotes"];
  }

  /**
   * docx does not export its FontWrapper class; FontTable has the three members docx's compiler
   * reads from it (View, Relationships, files).
   */
  override get FontTable(): File["FontTable"] {
    return this.own.fontTable as unknown as File["FontTable"];
  }
}
