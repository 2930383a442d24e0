/** Entry script of the matcher panel (home page): starts the worker and hands the page its links. */
import { bundleFileName } from "../lib/bundle-file.ts";
import { entryUrl, searchUrl, siteUrl } from "../lib/site-url.ts";
import { startMatcher } from "./matcher/matcher-page.ts";

startMatcher(() => new Worker(new URL("./matcher.worker.ts", import.meta.url), { type: "module", name: "faultline-matcher" }), siteUrl(bundleFileName), {
  entry: entryUrl,
  search: searchUrl,
  guide: siteUrl("authoring/"),
});
