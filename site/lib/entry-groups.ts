/**
 * Entries in groups, for pages that list many: by provider, then by each entry's main service (the
 * first it names). Every entry lands in exactly one group of each level, so counts add up; a service
 * with a single entry joins "Other services" rather than making a heading for one link.
 */
import { facets, facetValues, providerLabel, type FacetedEntry } from "./facets.ts";

/** A named group of entries, sorted by title. */
export interface EntryGroup<E> {
  /** The value the group stands for: "gcp", "cloud-run", or "" for the other services. */
  readonly value: string;
  readonly label: string;
  readonly entries: readonly E[];
}

/** A provider's entries, with the same entries again by service. */
export interface ProviderGroup<E> extends EntryGroup<E> {
  readonly services: readonly EntryGroup<E>[];
}

/** What a group of services with one entry each is called. */
export const otherServicesLabel = "Other services";

function byTitle<E extends FacetedEntry>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => a.title.localeCompare(b.title, "en"));
}

/** The service an entry is mostly about: the first of its services, or "" when it names none. */
export function mainService(entry: Pick<FacetedEntry, "services">): string {
  return entry.services[0] ?? "";
}

/** Groups entries by their main service, largest first; services with fewer than `minSize` entries go to one last group. */
export function groupByService<E extends FacetedEntry>(entries: readonly E[], minSize = 2): EntryGroup<E>[] {
  const byService = new Map<string, E[]>();
  for (const entry of entries) {
    const service = mainService(entry);
    byService.set(service, [...(byService.get(service) ?? []), entry]);
  }
  const groups: EntryGroup<E>[] = [];
  const rest: E[] = [];
  for (const [service, members] of byService) {
    if (service === "" || members.length < minSize) rest.push(...members);
    else groups.push({ value: service, label: service, entries: byTitle(members) });
  }
  groups.sort((a, b) => b.entries.length - a.entries.length || a.label.localeCompare(b.label, "en"));
  if (rest.length > 0) groups.push({ value: "", label: groups.length > 0 ? otherServicesLabel : "All services", entries: byTitle(rest) });
  return groups;
}

/** Groups entries by provider (most entries first), each split by main service. */
export function groupByProvider<E extends FacetedEntry>(entries: readonly E[]): ProviderGroup<E>[] {
  return facetValues(entries, facets.provider).map(({ value }) => {
    const members = entries.filter((entry) => entry.provider === value);
    return { value, label: providerLabel(value), entries: byTitle(members), services: groupByService(members) };
  });
}

/** The text a list filter matches typed words against: title, id, provider, services and codes. */
export function filterText(entry: FacetedEntry & { readonly codes?: readonly string[] }): string {
  return [entry.title, entry.id, providerLabel(entry.provider), ...entry.services, ...(entry.codes ?? [])].join(" ").toLowerCase();
}
