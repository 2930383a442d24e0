/** A failure the user can fix (bad arguments, unreadable files): printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
