// The mistakes lblint answers with exit status 2 and one line on stderr, without a stack trace.

/** A mistake on the command line. */
export class UsageError extends Error {}

/** A path or file that cannot be used: missing, unreadable, not a configuration. */
export class InputError extends Error {}
