/**
 * The ways to browse entries: provider, service, HTTP status and tag. Each facet knows where its
 * listing pages live and how to name its values.
 */
import type { EntryMeta } from "faultline";

/** The entry fields facets read. */
export type FacetedEntry = Pick<EntryMeta, "id" | "title" | "provider" | "services" | "http" | "tags">;

/** One way to group entries. */
export interface Facet {
  readonly key: "provider" | "service" | "status" | "tag";
  /** URL segment of its listing pages: /providers/gcp/. */
  readonly segment: string;
  /** "Provider", as a label in front of a value. */
  readonly noun: string;
  readonly values: (entry: FacetedEntry) => readonly string[];
  readonly label: (value: string) => string;
  /** What the entries of a value have in common, after "N entries": "about Google Cloud". */
  readonly phrase: (label: string) => string;
}

const providerLabels: Readonly<Record<string, string>> = {
  gcp: "Google Cloud",
  aws: "AWS",
  azure: "Azure",
  kubernetes: "Kubernetes",
  generic: "Any provider",
};

const statusNames: Readonly<Record<string, string>> = {
  "400": "Bad Request",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "Not Found",
  "407": "Proxy Authentication Required",
  "409": "Conflict",
  "412": "Precondition Failed",
  "429": "Too Many Requests",
  "500": "Internal Server Error",
  "502": "Bad Gateway",
  "503": "Service Unavailable",
};

/** "Google Cloud" for "gcp". */
export function providerLabel(provider: string): string {
  return providerLabels[provider] ?? provider;
}

/** "403 Forbidden" for "403". */
export function statusLabel(status: string): string {
  const name = statusNames[status];
  return name ? `${status} ${name}` : `HTTP ${status}`;
}

/** "cloud-run" → "cloud-run": service and tag ids are shown as written, they are what people search. */
function asWritten(value: string): string {
  return value;
}

/** Every facet, in the order the home page shows them. */
export const facets = {
  provider: { key: "provider", segment: "providers", noun: "Provider", values: (e) => [e.provider], label: providerLabel, phrase: (l) => `about ${l}` },
  service: { key: "service", segment: "services", noun: "Service", values: (e) => e.services, label: asWritten, phrase: (l) => `involving ${l}` },
  status: { key: "status", segment: "status", noun: "HTTP status", values: (e) => e.http.map(String), label: statusLabel, phrase: (l) => `that come with ${l}` },
  tag: { key: "tag", segment: "tags", noun: "Tag", values: (e) => e.tags, label: asWritten, phrase: (l) => `tagged ${l}` },
} as const satisfies Record<string, Facet>;

/** One value of a facet with how many entries carry it. */
export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

/** The values a facet takes across entries, most common first. */
export function facetValues(entries: readonly FacetedEntry[], facet: Facet): FacetValue[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const value of new Set(facet.values(entry))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, label: facet.label(value), count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "en", { numeric: true }));
}

/** Entries carrying one value of a facet, by title. */
export function entriesWith<E extends FacetedEntry>(entries: readonly E[], facet: Facet, value: string): E[] {
  return entries.filter((entry) => facet.values(entry).includes(value)).sort((a, b) => a.title.localeCompare(b.title));
}

/** The site path of a facet value's listing page, before the base path: "providers/gcp/". */
export function facetPath(facet: Facet, value: string): string {
  return `${facet.segment}/${encodeURIComponent(value)}/`;
}
