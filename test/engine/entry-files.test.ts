import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkKnowledge } from "../../engine/src/check.js";
import { decodeEntry, maxEntryBytes } from "../../engine/src/entry-files.js";

const good = await readFile("test/fixtures/broken/hostile-files/good.md", "utf8");
const entryNamed = (id: string) => good.replaceAll("good", id);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Issue #16: one bad file stopped `check` without naming it (or hung it), and the good entries went
// unchecked. Each oddity is made for real in a folder of its own, next to a good entry.
describe("a folder with one file that cannot be an entry", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "faultline-entry-files-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const oddities: Array<[string, (dir: string) => Promise<void>, string]> = [
    ["a dangling symlink", (dir) => symlink(path.join(dir, "nowhere.md"), path.join(dir, "x.md")), "is a symbolic link to a file that does not exist"],
    ["a directory named x.md", (dir) => mkdir(path.join(dir, "x.md")), "is a directory, not an entry file"],
    ["a symlink to /dev/zero", (dir) => symlink("/dev/zero", path.join(dir, "x.md")), "is a symbolic link to /dev/zero, outside the knowledge folder"],
    [
      "a symlink to an entry outside the folder",
      async (dir) => {
        await writeFile(path.join(root, "outside.md"), entryNamed("x"));
        await symlink(path.join(root, "outside.md"), path.join(dir, "x.md"));
      },
      "outside the knowledge folder; links out of it are not followed",
    ],
    ["a file above the size limit", (dir) => writeFile(path.join(dir, "x.md"), entryNamed("x") + "a".repeat(maxEntryBytes)), "is 257 KiB; an entry file may be at most 256 KiB"],
    ["a FIFO named x.md", async (dir) => void execFileSync("mkfifo", [path.join(dir, "x.md")]), "is a FIFO (named pipe), not an entry file"],
  ];

  test.each(oddities)("%s is one problem naming it, and the good entry is still checked", async (_name, make, message) => {
    const dir = await mkdtemp(path.join(root, "kb-"));
    await writeFile(path.join(dir, "good.md"), good);
    await make(dir);
    const { problems, entries, examplesRun } = await checkKnowledge(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.format()).toMatch(new RegExp(`^${escape(path.relative(process.cwd(), path.join(dir, "x.md")))}:1:1: file: .*${escape(message)}`));
    expect(entries.map((e) => e.meta.id)).toEqual(["good"]);
    expect(examplesRun).toBe(2);
  });

  test("a symlink to an entry inside the folder is read", async () => {
    const dir = await mkdtemp(path.join(root, "kb-"));
    await mkdir(path.join(dir, "drafts"));
    await writeFile(path.join(dir, "drafts", "x.md"), entryNamed("x"));
    await symlink(path.join(dir, "drafts", "x.md"), path.join(dir, "x.md"));
    const { problems, entries } = await checkKnowledge(dir);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.meta.id)).toEqual(["x"]);
  });

  // Root reads any file whatever its mode, so only another user can see this one.
  test.skipIf(process.getuid?.() === 0)("an unreadable file", async () => {
    const dir = await mkdtemp(path.join(root, "kb-"));
    await writeFile(path.join(dir, "x.md"), entryNamed("x"));
    await chmod(path.join(dir, "x.md"), 0o000);
    const { problems } = await checkKnowledge(dir);
    expect(problems.map((p) => p.message)).toEqual(["cannot be read (EACCES)"]);
  });

  test("faultline check on a folder with a FIFO answers at once instead of waiting for a writer", async () => {
    const dir = await mkdtemp(path.join(root, "kb-"));
    await writeFile(path.join(dir, "good.md"), good);
    execFileSync("mkfifo", [path.join(dir, "x.md")]);
    const run = spawnSync(process.execPath, ["engine/bin/faultline.js", "check", dir], { encoding: "utf8", timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("x.md:1:1: file: is a FIFO (named pipe), not an entry file");
    expect(run.stdout).toContain("1 problem in 1 valid entry");
  });
});

describe("decodeEntry", () => {
  test.each([
    ["a UTF-8 byte order mark", Buffer.from("\uFEFF---\n", "utf8"), "1:1: file: starts with a UTF-8 byte order mark (EF BB BF) before the front matter"],
    ["UTF-16 with a byte order mark", Buffer.from("\uFEFF---\n", "utf16le"), "1:1: file: is UTF-16 (little-endian byte order mark), not UTF-8"],
    ["UTF-16 big-endian", Buffer.from([0xfe, 0xff, 0, 0x2d]), "1:1: file: is UTF-16 (big-endian byte order mark), not UTF-8"],
    ["UTF-16 without one", Buffer.from("---\nid: x\ntitle: a title of an entry\n", "utf16le"), "1:2: file: is UTF-16 (NUL bytes between the characters), not UTF-8"],
    ["a NUL byte in text", Buffer.from("---\nid: x\n\0\n", "utf8"), "3:1: file: has a NUL byte at line 3, column 1"],
    ["Latin-1 é", Buffer.from("---\ncaf\xe9\n", "latin1"), "2:4: file: is not valid UTF-8: byte 0xE9 at line 2, column 4 (Latin-1 or Windows-1252 text?)"],
    ["a surrogate encoded in UTF-8", Buffer.from([0x2d, 0xed, 0xa0, 0x80]), "1:2: file: is not valid UTF-8: byte 0xED at line 1, column 2"],
  ])("%s is a problem at its line", (_name, bytes, expected) => {
    const decoded = decodeEntry("x.md", bytes);
    expect("problem" in decoded && decoded.problem.format()).toContain(`x.md:${expected}`);
  });

  test("UTF-8 text, accents included, is read as is", () => {
    expect(decodeEntry("x.md", Buffer.from("---\ncafé ✓\n", "utf8"))).toEqual({ source: "---\ncafé ✓\n" });
  });
});
