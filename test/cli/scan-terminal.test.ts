import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";

const kb = "test/fixtures/kb";

// Before: scan printed the log's raw control characters, which a terminal acts on.
test.each([
  ["an OSC window title", "\u001b]0;you have been pwned\u0007"],
  ["an OSC with ST", "\u001b]8;;https://evil.example\u001b\\"],
  ["a screen clear and cursor move", "\u001b[2J\u001b[H"],
  ["a colour", "\u001b[31m"],
  ["a lone ESC", "\u001b"],
  ["a carriage return", "\rfake line"],
  ["NUL and backspace", "\u0000\b\b"],
  ["a C1 CSI", "\u009b2J"],
])("scan's human output neutralises %s", (_name, control) => {
  const target = path.join(mkdtempSync(path.join(tmpdir(), "faultline-ctl-")), "app.log");
  writeFileSync(target, `2026 ERROR ${control} HTTP/1.1 418 I'm a teapot ${control} done\n`);
  const { code, stdout } = runCli(["scan", "--kb", kb, target]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/teapot-refused \(from test\/fixtures\/kb\): 2026 ERROR .*HTTP\/1\.1 418 I'm a teapot .*done\n$/);
  // eslint-disable-next-line no-control-regex
  expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
});
