// A command is one short run. With V8's default tier-up (the optimising compiler once about 66 KB of
// a function's bytecode has run), the rules' functions are optimised on the feedback of the first
// statements of a large input and much of that code is thrown away again as other statements come.
// On inputs of 35 KB and more, tiering up about 7 times later took 0.67–0.86 times the CPU and about
// the same wall time on an idle machine, whose second core compiles for free (docs/performance.md,
// "Twelfth session"). Small inputs are left alone: loading `node:v8` costs a few milliseconds, as
// much as such a run could gain. Only a flag V8 reads while it runs is safe to change here (a garbage
// collector flag set this way crashed Node); the code cache was checked when the command was
// compiled, so it is not refused. The library and the language server keep V8's defaults.

/** Inputs below this many characters are linted with V8's defaults. */
export const TIER_UP_LATER_FROM = 16 * 1024;

let tieredUpLater = false;

/** Tiers up later for the rest of this process when the input is large (see above); once. */
export function tierUpLaterFor(characters: number): void {
  if (tieredUpLater || characters < TIER_UP_LATER_FROM) return;
  tieredUpLater = true;
  try {
    // Node 20.16 and later; on an earlier Node the defaults stay.
    const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    const v8 = getBuiltinModule?.("node:v8") as { setFlagsFromString(flags: string): void } | undefined;
    v8?.setFlagsFromString("--interrupt-budget=500000");
  } catch {
    // A Node that refuses the flag lints as fast as before.
  }
}

