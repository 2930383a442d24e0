/**
 * The engine package's folder (engine/ in the project, node_modules/faultline/ installed), from this
 * module's own file. Compiled modules sit in dist/ and dist/cli/, the CLI's bundle in dist/bin/: the
 * package is the parent of the nearest folder named dist, wherever the module ended up.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's folder. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (path.basename(dir) !== "dist") {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`faultline: ${fileURLToPath(import.meta.url)} is not inside the package's dist/ folder`);
    dir = parent;
  }
  return path.dirname(dir);
}

/** A file of the package, by its path inside it. */
export function packageFile(name: string): string {
  return path.join(packageRoot(), name);
}
