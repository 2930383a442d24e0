/** Terminal colour: only on a terminal, and NO_COLOR / FORCE_COLOR decide over that (no-color.org, force-color.org). */

/** How the human reports mark their parts; every function is the identity without colour. */
export interface Style {
  readonly title: (text: string) => string;
  readonly id: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly warn: (text: string) => string;
}

const plain: Style = { title: (t) => t, id: (t) => t, dim: (t) => t, warn: (t) => t };

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const coloured: Style = { title: sgr(1, 22), id: sgr(36, 39), dim: sgr(2, 22), warn: sgr(33, 39) };

/** Whether output to this stream gets colour: FORCE_COLOR (not 0) forces it, NO_COLOR (set, not empty) turns it off, else a TTY has it. */
export function wantsColour(stream: { readonly isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  if (force !== undefined) return false;
  return stream.isTTY === true;
}

/** The style for a stream. */
export function styleFor(stream: { readonly isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): Style {
  return wantsColour(stream, env) ? coloured : plain;
}

/** The style that marks nothing. */
export const plainStyle: Style = plain;
