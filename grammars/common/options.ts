// Options shared by both parsers.
import type { Position } from "./text.js";

/** Options of `parseHaproxy` and `parseKeepalived`. */
export interface ParseOptions {
  /**
   * Where the text starts in its document, when it is one piece of a larger file: an editor that
   * re-parses one haproxy section or keepalived top-level block passes the piece's position, and
   * every range comes out in document coordinates. Defaults to the start of the document.
   */
  readonly base?: Position;
}
