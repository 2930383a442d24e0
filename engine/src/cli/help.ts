/** What `faultline --help` and `faultline COMMAND --help` print. */

const layers = `Knowledge layers:
  The built-in knowledge is the first layer. FAULTLINE_KB (a path list, separated like PATH) and each
  --kb (folders of markdown entries, or bundles from \`faultline compile\`) stack on top, in that order;
  an entry of a later layer replaces the one with the same id below it. --no-builtin leaves the
  built-in knowledge out.`;

const links = `Links:
  Each match names its page on the published site (FAULTLINE_SITE, default the project's site) and,
  for entries of a local folder, its file.`;

/** Usage of each command, by name. */
export const commandHelp: Readonly<Record<string, string>> = {
  match: `Usage: faultline match [options] [FILE]

Explains an error: the best matching entries, why each matched, and where to read it. Reads FILE, or
standard input when FILE is missing or -. Exit 0 when something matched, 1 when nothing did, 2 for
usage or I/O errors.

Options:
  --json            one JSON object: {"matches":[…],"near":[…],"facts":{…},"secrets":[…]}
  --kb PATH         a knowledge layer on top of the built-in one (repeatable)
  --no-builtin      leave the built-in knowledge out
  --show-secrets    print tokens, keys and passwords instead of masking them
  -h, --help        this help

${layers}

${links}
`,
  check: `Usage: faultline check [options] [DIR...]

Validates knowledge folders and runs every entry's examples and counterexamples; prints every problem
at once as FILE:LINE:COL: field: message (hint). Each DIR is checked as a layer on top of the layers
below it (the built-in knowledge, FAULTLINE_KB, --kb), so examples run against the whole stack and an
entry that replaces one below it is reported as a notice. Without DIR: ./knowledge. Exit 0 when
clean, 1 on any problem, 2 for usage or I/O errors.

An entry whose trigger outscores another entry on that entry's example is a problem too (shadowing).
--overlaps also lists every entry that fires on another entry's example, or on a file of an --against
folder, even when it does not rank first there: FILE:LINE:COL of the example, the rank and score of
both entries, and the conditions that held. Overlaps are a report: they change the exit code only with
--strict.

Options:
  --json            one JSON object: {"entries":N,"examples":N,"problems":[…],"notices":[…]} (and "overlaps")
  --overlaps        list the entries that fire on other entries' examples
  --against DIR     with --overlaps: every file of DIR is an error no entry should match (repeatable)
  --strict          with --overlaps: exit 1 when there is any overlap
  --stale DAYS      also list the entries last reviewed (the later of updated and verified.on) more
                    than DAYS days ago, oldest first; exit 1 when there is any
  --kb PATH         a layer below the checked folders (repeatable)
  --no-builtin      leave the built-in knowledge out
  -h, --help        this help

${layers}
`,
  scan: `Usage: faultline scan [options] FILE...

Finds known errors in logs of any size (- reads standard input) and prints one line per occurrence:
FILE:LINE: entry-id: excerpt. Exit 0 when something was found, 1 when nothing was, 2 for usage or
I/O errors.

Options:
  --json            one JSON object per occurrence
  --kb PATH         a knowledge layer on top of the built-in one (repeatable)
  --no-builtin      leave the built-in knowledge out
  --show-secrets    print tokens, keys and passwords instead of masking them
  -h, --help        this help

${layers}
`,
  compile: `Usage: faultline compile [options]

Writes the stacked knowledge layers as one bundle (JSON), the form the browser and \`--kb\` load
without parsing markdown.

Options:
  --out FILE        write to FILE instead of standard output
  --name NAME       the layer name for the folders compiled (default: the folder as given)
  --site URL        where the compiled entries are published (each entry's page is URL/entries/ID/)
  --kb PATH         a knowledge layer (repeatable)
  --no-builtin      leave the built-in knowledge out
  -h, --help        this help

${layers}
`,
  new: `Usage: faultline new [ID] [options]

Writes DIR/ID.md for a new entry and never overwrites a file. Without --from: a scaffold of every field
and section, each marked with a TODO prompt. With --from FILE (- for standard input): a draft made
from a pasted error: provider, status, codes and reasons from its facts, a proposed trigger (codes and
reasons, then its most distinctive phrases, ids and hosts left out), the paste with its secrets masked
as the first example, and the five sections with prompts; ID is then proposed when missing. \`check\`
reports every prompt left as "still the draft prompt". Exit 0 when written, 2 for usage or I/O errors
(an existing file included).

Options:
  --from FILE       draft the entry from the error in FILE (- for standard input)
  --dir DIR         the knowledge folder to write into (default ./knowledge; made when missing)
  -h, --help        this help
`,
};

/** The overview `faultline --help` prints. */
export const overview = `Usage: faultline COMMAND [options]

Commands:
  match [FILE]      explain an error (FILE or standard input)
  check [DIR...]    validate knowledge folders and run their examples
  scan FILE...      known errors in logs (- for standard input)
  compile           write the knowledge layers as one bundle (JSON)
  new [ID]          a new entry: a scaffold, or --from FILE a draft from a pasted error

Options:
  -h, --help        help; \`faultline COMMAND --help\` for a command's options
  -v, --version     the engine's and the built-in knowledge's versions

Pasted text is matched on this machine and never sent anywhere; secrets are masked in every output.
`;
