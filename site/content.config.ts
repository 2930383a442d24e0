/**
 * The knowledge base as an Astro content collection. The schema is the engine's own `entrySchema`:
 * the site never keeps a second description of an entry.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { entrySchema } from "../engine/src/schema.ts";
import { knowledgeDir } from "./lib/build-settings.ts";

const knowledge = defineCollection({
  // README.md is the authors' guide, not an entry.
  loader: glob({ base: knowledgeDir, pattern: ["*.md", "!README.md"] }),
  schema: entrySchema,
});

export const collections = { knowledge };
