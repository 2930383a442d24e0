/** Entry script of the search page. */
import { basePath } from "../lib/site-url.ts";
import { startSearch } from "./search/search-page.ts";

void startSearch(basePath);
