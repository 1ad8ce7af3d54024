// The part of pdfmake 0.3's Node API that undoc uses (pdfmake ships no typings).
declare module "pdfmake" {
  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  export interface PdfMake {
    setFonts(fonts: Record<string, Record<string, unknown>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
    virtualfs: { writeFileSync(name: string, data: Buffer | Uint8Array): void; existsSync(name: string): boolean };
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
