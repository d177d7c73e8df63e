// A scanner that looks for the same closer again and again (the `}}` of a template at every `{` of
// `{{{{…`) would read the same text again each time the closer is missing, which makes a long run of
// openers quadratic. Scanners move forward, so the answer of the last search is kept: it still holds
// for any later start up to where the needle was found, since nothing in between matched.

export class ForwardSearch {
  private from = -1;
  /** Where the needle was found from `from`, or -1: no match in [from, end of text). */
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** `text.indexOf(needle, from)`, reusing the last search when it still holds. */
  indexOf(from: number): number {
    if (this.from < 0 || from < this.from || (this.found >= 0 && from > this.found)) {
      this.found = this.text.indexOf(this.needle, from);
      this.from = from;
    }
    return this.found;
  }
}

/** Whether a `\n` or a `\r` comes between two offsets, for matches that must stay on one line. */
export class LineBreakSearch {
  private readonly lineFeed: ForwardSearch;
  private readonly carriageReturn: ForwardSearch;

  constructor(text: string) {
    this.lineFeed = new ForwardSearch(text, "\n");
    this.carriageReturn = new ForwardSearch(text, "\r");
  }

  /** True if [from, to) holds a line break. */
  between(from: number, to: number): boolean {
    const lf = this.lineFeed.indexOf(from);
    const cr = this.carriageReturn.indexOf(from);
    return (lf >= 0 && lf < to) || (cr >= 0 && cr < to);
  }
}
