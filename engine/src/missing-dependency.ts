/** Telling a user which optional package a command needs, and how to install it. */

/** The packages markdown entries need, for the message that says what to install. */
export const markdownPackages = ["gray-matter", "yaml", "remark-parse", "unified", "mdast-util-to-string"] as const;

/** Thrown when an optional dependency that a command needs is not installed. */
export class MissingDependencyError extends Error {
  override name = "MissingDependencyError";
  constructor(
    readonly packages: readonly string[],
    what: string,
    options?: { cause?: unknown },
  ) {
    super(`${what} needs ${packages.join(", ")}, which matching does not; install ${packages.length === 1 ? "it" : "them"}: npm install --save-dev ${packages.join(" ")}`, options);
  }
}
