/** Token times in the reader's own time zone, with how long ago or how soon. */

const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** "in 55 minutes", "3 hours ago": the distance between two times in seconds since the epoch. */
export function relativeTime(seconds: number, nowSeconds: number): string {
  const delta = seconds - nowSeconds;
  const [unit, size] = units.find(([, s]) => Math.abs(delta) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(delta / size), unit);
}

/** A claim time (seconds since the epoch) in local time, with its distance from now. */
export function localTime(seconds: number, nowMs: number = Date.now()): string {
  const date = new Date(seconds * 1000);
  const shown = Number.isFinite(date.getTime()) ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" }) : String(seconds);
  return `${shown} (${relativeTime(seconds, nowMs / 1000)})`;
}

/** The reader's calendar date, YYYY-MM-DD: the `updated` of a draft written today. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
