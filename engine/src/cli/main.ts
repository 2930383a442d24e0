/**
 * The `faultline` command: match, check, scan, compile, mcp and new. Exit codes: 0 success or a match, 1 no
 * match or problems found, 2 usage or I/O errors (one line on stderr). Each command's module is
 * imported only when it runs, so `match` never loads what `check` needs.
 */
import { commandHelp, overview } from "./help.js";
import { writeOut } from "./stdout.js";
import { UsageError } from "./usage-error.js";

type Command = (args: string[]) => Promise<number>;

const commands: Readonly<Record<string, () => Promise<Command>>> = {
  match: async () => (await import("./match-command.js")).runMatch,
  check: async () => (await import("./check-command.js")).runCheck,
  scan: async () => (await import("./scan-command.js")).runScan,
  compile: async () => (await import("./compile-command.js")).runCompile,
  mcp: async () => (await import("./mcp-command.js")).runMcp,
  new: async () => (await import("./new-command.js")).runNew,
};

const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

function describe(error: unknown): string {
  const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  const message = known ? (error as Error).message : `unexpected error: ${(error as Error).stack ?? String(error)}`;
  return known ? message.split("\n")[0] ?? message : message;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      process.stderr.write(overview);
      return 2;
    }
    if (isHelp(name) || name === "help") {
      const topic = name === "help" ? rest[0] : undefined;
      writeOut(topic && commandHelp[topic] ? commandHelp[topic] : overview);
      return 0;
    }
    if (name === "--version" || name === "-v" || name === "version") {
      writeOut(await (await import("./version.js")).versionText());
      return 0;
    }
    const load = commands[name];
    if (!load) throw new UsageError(`unknown command "${name}"; expected ${Object.keys(commands).join(", ")} (faultline --help)`);
    if (rest.some(isHelp)) {
      writeOut(commandHelp[name] ?? overview);
      return 0;
    }
    return await (await load())(rest);
  } catch (error) {
    process.stderr.write(`faultline: ${describe(error)}\n`);
    return 2;
  }
}
