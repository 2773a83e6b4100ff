// linebreak 1.1 (UAX #14 line breaking, the package pdfkit breaks its lines with) has no types.
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
