/**
 * The reference reading of text that the literal scanners must agree with, written plainly: one code
 * unit at a time, case folded, whitespace runs and escaped \n, \r, \t (either case) as one space.
 */

const unicodeSpaces = new Set([0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** Whether JavaScript's \s matches the code unit. */
export const isSpace = (code: number) => code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 32 || code === 0xa0 || unicodeSpaces.has(code) || (code >= 0x2000 && code <= 0x200a);

/** The text folded one code unit at a time as the scanner does, with each folded unit's end offset in the original. */
export function foldText(text: string): { folded: string; ends: number[] } {
  let folded = "";
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const after = text[i + 1];
    if (code === 92 && after !== undefined && "nrtNRT".includes(after)) {
      code = 32;
      i++;
    }
    if (isSpace(code)) {
      if (folded.length === 0 || folded.endsWith(" ")) continue;
      folded += " ";
    } else {
      folded += String.fromCharCode(code).toLowerCase()[0];
    }
    ends.push(i + 1);
  }
  return { folded, ends };
}
