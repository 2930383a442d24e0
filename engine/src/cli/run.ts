/**
 * The CLI as a program: `bin/faultline.js` loads this module (bundled into dist/bin/run.cjs), which
 * runs the command named on the command line and sets the exit code.
 */
import { main } from "./main.js";
import { exitOnOutputError } from "./output.js";

// A closed pipe (`faultline scan big.log | head`) ends quietly; a full disk is one line and exit 2.
exitOnOutputError();

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
