// Whether keepalived 2.2 can read a `~SEQ(...)` or `~LST(...)` line prefix. A line that starts with
// `~SEQ` or `~LST` goes to add_seq()/add_lst() in lib/parser.c; when they fail, keepalived reports
// "Invalid ~SEQ specification" (or ~LST) and drops the whole line. This follows their reading step by
// step, down to strtol(), so that lblint reports exactly the prefixes keepalived refuses.

const BLANKS = " \t";

/** Whether `chars` holds the character with code `c` (a loop over codes: this runs for every character read). */
function holds(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

function span(text: string, at: number, chars: string): number {
  let i = at;
  while (i < text.length && holds(chars, text.charCodeAt(i))) i++;
  return i - at;
}

/** One search per set of stops, compiled once: a word can run to the end of a 1,023-byte line. */
const STOPS = new Map<string, RegExp>();

function complementSpan(text: string, at: number, chars: string): number {
  let stops = STOPS.get(chars);
  if (!stops) STOPS.set(chars, (stops = new RegExp(`[${chars.replace(/[\]\\^-]/g, "\\$&")}]`, "g")));
  stops.lastIndex = at;
  const found = stops.exec(text);
  return (found ? found.index : text.length) - at;
}

/** C's strtol(text + at, &end, 0): the number and where it stops (`at` itself when there is none). */
function strtol(text: string, at: number): { value: number; end: number } {
  let i = at + span(text, at, " \t\n\v\f\r");
  let sign = 1;
  if (text[i] === "+" || text[i] === "-") sign = text[i++] === "-" ? -1 : 1;
  let base = 10;
  if (text[i] === "0" && (text[i + 1] === "x" || text[i + 1] === "X") && /[0-9a-fA-F]/.test(text[i + 2] ?? "")) {
    base = 16;
    i += 2;
  } else if (text[i] === "0") base = 8;
  const digits = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  const start = i;
  while (i < text.length && digits.test(text[i]!)) i++;
  if (i === start) return { value: 0, end: at };
  return { value: sign * parseInt(text.slice(start, i), base), end: i };
}

/** add_seq(): undefined when keepalived accepts the prefix, else why it does not. */
function sequenceProblem(line: string): string | undefined {
  let p = 4;
  const hex = line[p] === "x";
  if (hex) p++;
  p += span(line, p, BLANKS);
  if (line[p++] !== "(") return "'(' must follow ~SEQ";
  p += span(line, p, BLANKS);
  const variable = p;
  p += complementSpan(line, p, " \t,)");
  p += span(line, p, BLANKS);
  if (p >= line.length || line[p] === ")" || p === variable) return "a variable name and numbers must come first";
  p++;
  p += span(line, p, BLANKS);
  const close = line.indexOf(")", p);
  if (close < 0) return "the ')' is missing";
  // keepalived copies the numbers into a 64-byte buffer.
  if (close + 2 - p > 64) return "the parameters are too long";
  const numbers = line.slice(p, close + 1);
  // Definitions are substituted into the numbers first; what they hold is not known here.
  if (numbers.includes("$")) return undefined;
  let q = 0;
  const one = strtol(numbers, q);
  q = one.end + span(numbers, one.end, BLANKS);
  let start: number, step: number, end: number;
  if (numbers[q] === ")") [start, step, end] = [one.value < 0 ? -1 : 1, one.value < 1 ? -1 : 1, one.value];
  else {
    if (numbers[q] !== ",") return "the numbers must be separated by commas";
    const two = strtol(numbers, q + 1);
    q = two.end + span(numbers, two.end, BLANKS);
    if (numbers[q] === ")") [start, step, end] = [one.value, one.value <= two.value ? 1 : -1, two.value];
    else {
      if (numbers[q] !== ",") return "the numbers must be separated by commas";
      const three = strtol(numbers, q + 1);
      q = three.end + span(numbers, three.end, BLANKS);
      if (numbers[q] !== ")") return "at most three numbers: start, step and end";
      [start, step, end] = [one.value, two.value, three.value];
      if (step === 0 || (start < end && step < 0) || (start > end && step > 0)) return "the step must be non-zero and go from start towards end";
    }
  }
  if (hex && (start < 0 || end < 0)) return "~SEQx takes only positive numbers";
  return undefined;
}

/** add_lst(): undefined when keepalived accepts the prefix, else why it does not. */
function listProblem(line: string): string | undefined {
  const invalid = "it must be ~LST(variable, value, …) or ~LST({variables}, {values}, …)";
  let p = 4;
  p += span(line, p, BLANKS);
  if (line[p++] !== "(") return "'(' must follow ~LST";
  p += span(line, p, BLANKS);
  let endChar = ",";
  if (line[p] === "{") {
    endChar = "}";
    p++;
    p += span(line, p, BLANKS);
  }
  let variables = 0;
  for (;;) {
    p += complementSpan(line, p, " \t,}");
    p += span(line, p, BLANKS);
    if (line[p] === endChar) break;
    if (line[p] !== ",") return invalid;
    p += span(line, p + 1, BLANKS) + 1;
    variables++;
  }
  if (line[p] === "}") p += span(line, p + 1, BLANKS) + 1;
  if (line[p++] !== ",") return invalid;
  p += span(line, p, BLANKS);
  for (;;) {
    let valueEnd = ",";
    if (line[p] === "{") {
      valueEnd = "}";
      p++;
      p += span(line, p, BLANKS);
    }
    let values = 0;
    for (;;) {
      p += complementSpan(line, p, " \t,})");
      p += span(line, p, BLANKS);
      if (line[p] === valueEnd || (line[p] === ")" && valueEnd === ",")) break;
      if (line[p] !== ",") return invalid;
      p += span(line, p + 1, BLANKS) + 1;
      if (++values > variables) return "a set has more values than there are variables";
    }
    if (line[p] === "}" && valueEnd === "}") p += span(line, p + 1, BLANKS) + 1;
    if (line[p] === ")") return undefined;
    if (line[p] !== ",") return invalid;
    p += span(line, p + 1, BLANKS) + 1;
  }
}

/**
 * Why keepalived refuses the `~SEQ`/`~LST` prefix that starts `line` (the rest of the physical line,
 * comments removed), or undefined when it reads it. Lines that start otherwise are not prefixes.
 */
export function prefixProblem(line: string): string | undefined {
  if (line.startsWith("~SEQ")) return sequenceProblem(line);
  if (line.startsWith("~LST")) return listProblem(line);
  return undefined;
}
