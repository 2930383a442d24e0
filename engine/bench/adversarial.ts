/**
 * Adversarial pastes against each detector alone: every pattern of fact extraction (facts.ts) and
 * every rule of the secret catalog, on the shapes that make a backtracking regex slow (issue #16),
 * and on shapes made from each detector's own literal. Each figure is next to the baseline of the
 * same run: a realistic paste of the same size.
 */
import type { Bundle } from "../src/bundle.js";
import { collect, factPatterns } from "../src/facts.js";
import { match } from "../src/match.js";
import { requiredLiteral } from "../src/rule-index.js";
import { secretRules } from "../src/secret-catalog.js";
import { findWithRule } from "../src/tokens.js";

/** The size the engine matches: pastes are cut to it. */
const size = 512 * 1024;

/** `unit` repeated to `size` characters, after `head` and before `tail`. */
function fill(unit: string, head = "", tail = ""): string {
  const room = size - head.length - tail.length;
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

/** The shapes issue #16 names, and others each detector's structure suggests. */
export const namedShapes: ReadonlyArray<readonly [string, string]> = [
  ["eyJ- run", fill("eyJ-")],
  ["eyJ with no dots", fill("a", "eyJ")],
  ["eyJ segments, no third", fill("eyJaaaaaaaaa.")],
  ["a. before ://", fill("a.", "", "://x @")],
  ["a+ before ://", fill("a+", "", "://x @")],
  ["scheme://u:p/ repeated, no @", fill("a://x:y/")],
  ["unterminated PEM headers", fill("-----BEGIN RSA PRIVATE KEY-----\n")],
  ["PEM header, long base64", fill("A", "-----BEGIN PRIVATE KEY-----\n")],
  ["Bearer and whitespace", fill(" ", "Bearer")],
  ["Bearer repeated", fill("Bearer ")],
  ["ya29. repeated", fill("ya29.")],
  ["password= repeated", fill("password=")],
  ['password: " unclosed', fill('password: "aaa ')],
  ["aws_secret_access_key= repeated", fill("aws_secret_access_key=")],
  ["client_secret: repeated", fill("client_secret: ")],
  ["token: repeated", fill("token: ")],
  ["AccountKey= repeated", fill("AccountKey=")],
  ["?sig= repeated", fill("?sig=")],
  ["base64 run", fill("A")],
  ["== run", fill("=")],
  ["8Q~ repeated", fill("a8Q~")],
  ["authorization: basic repeated", fill("authorization: basic ")],
  ["googleapi: Error 403 on one line", fill("googleapi: Error 403: ")],
  ["googleapi line of ', a'", fill(", a", "googleapi: Error 403: ")],
  ["URL of dots", fill(`http://${".".repeat(2040)}x `)],
  ["status: and whitespace", fill(" ", "status:")],
  ["Microsoft. a/ run", fill("a/", "Microsoft.")],
  ["arn:aws- run", fill("-", "arn:aws")],
  ["word characters then Exception", fill("a", "", "Exception: 403")],
  ["ESC[ repeated", fill("\u001b[")],
  ["ESC] unterminated", fill("\u001b]aaaa")],
];

/** Shapes from a detector's own literal: it repeated, and it followed by a long run of one character. */
function ownShapes(literal: string): Array<readonly [string, string]> {
  const shapes: Array<readonly [string, string]> = [[`${literal} repeated`, fill(literal)], [`${literal} and a space, repeated`, fill(`${literal} `)]];
  for (const ch of ["a", "0", " ", ".", "-", "=", "/"]) shapes.push([`${literal} then ${JSON.stringify(ch)}s`, fill(ch, literal)]);
  return shapes;
}

/** One detector: a name, its literal (for its own shapes), and a run over a text. */
interface Detector {
  readonly name: string;
  readonly literal: string | undefined;
  readonly run: (text: string) => void;
}

function detectors(): Detector[] {
  const noop = (): void => undefined;
  return [
    ...factPatterns.map(({ name, regex }) => ({ name: `facts: ${name}`, literal: requiredLiteral(regex.source)?.slice(0, 20), run: (text: string) => collect(regex, text, noop) })),
    ...secretRules.map((rule) => ({ name: `secret: ${rule.id}`, literal: rule.needles[0], run: (text: string) => void findWithRule(rule, text) })),
  ];
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A detector's slowest shape. */
export interface DetectorFigure {
  readonly detector: string;
  readonly worstShape: string;
  readonly worstMs: number;
}

/** Per detector, its slowest shape of 512 KiB; then `match` on every shape, against a realistic paste of the same size. */
export async function adversarialDetectorFigures(bundle: Bundle, realistic: string): Promise<{ baselineMs: number; matchBaselineMs: number; detectors: DetectorFigure[]; matchWorst: { shape: string; ms: number } }> {
  const baselineText = fill(realistic);
  const all = detectors();
  // The first runs of a regex on a long text pay for V8 growing its backtracking stack: warm up once.
  for (const d of all) d.run(baselineText);
  const baselineMs = Math.max(...all.map((d) => timed(() => d.run(baselineText))));
  const figures: DetectorFigure[] = [];
  for (const d of all) {
    let worst = { shape: "", ms: 0 };
    for (const [shape, text] of [...namedShapes, ...(d.literal ? ownShapes(d.literal) : [])]) {
      const ms = timed(() => d.run(text));
      if (ms > worst.ms) worst = { shape, ms };
    }
    figures.push({ detector: d.name, worstShape: worst.shape, worstMs: worst.ms });
  }
  await match(bundle, baselineText);
  const matchStart = performance.now();
  await match(bundle, baselineText);
  const matchBaselineMs = performance.now() - matchStart;
  let matchWorst = { shape: "", ms: 0 };
  for (const [shape, text] of namedShapes) {
    const start = performance.now();
    await match(bundle, text);
    const ms = performance.now() - start;
    if (ms > matchWorst.ms) matchWorst = { shape, ms };
  }
  return { baselineMs, matchBaselineMs, detectors: figures.sort((a, b) => b.worstMs - a.worstMs), matchWorst };
}
