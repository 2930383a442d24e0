/**
 * The CLI as a program: `bin/faultline.js` loads this module (bundled into dist/bin/run.cjs), which
 * runs the command named on the command line and sets the exit code.
 */
import { main } from "./main.js";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
