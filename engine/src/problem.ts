/** The one error type for problems in knowledge entries: where, which field, what is wrong, how to fix it. */

/** Where a problem is and what it is, as plain data (for JSON output and tests). */
export interface ProblemInfo {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the front-matter field, `body` for the markdown, `file` for the file itself. */
  readonly field: string;
  readonly message: string;
  readonly hint?: string | undefined;
}

/** A problem in one knowledge entry, printed as `FILE:LINE:COL: field: message (hint)`. */
export class KnowledgeProblem extends Error implements ProblemInfo {
  override name = "KnowledgeProblem";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly hint: string | undefined;

  constructor(info: ProblemInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.file = info.file;
    this.line = info.line;
    this.column = info.column;
    this.field = info.field;
    this.hint = info.hint;
  }

  /** The one-line form every tool prints. */
  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.field}: ${this.message}${this.hint ? ` (${this.hint})` : ""}`;
  }

  override toString(): string {
    return this.format();
  }
}

/** Orders problems by file, then position, so every run prints them the same way. */
export function sortProblems(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field));
}

/** Thrown by callers that need a clean knowledge base (the site build) and got problems. */
export class KnowledgeCheckFailed extends Error {
  override name = "KnowledgeCheckFailed";
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge base:\n${problems.map((p) => p.format()).join("\n")}`);
  }
}
