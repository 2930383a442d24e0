import { expect, test } from "vitest";
import { renderMarkdown } from "../../../site/markdown/render.ts";

const body = `## Cause

The token's audience is wrong; see [the ID-token entry](cloud-run-access-token-instead-of-id-token).

\`\`\`bash
gcloud auth print-identity-token
\`\`\`

\`\`\`mermaid
graph TD
  A --> B
\`\`\`
`;

test("an entry body renders with Astro's pipeline and the site's plugins", async () => {
  const { html, headings } = await renderMarkdown(body, "/faultline/");
  expect(headings).toEqual([{ depth: 2, slug: "cause", text: "Cause" }]);
  expect(html).toContain('<h2 id="cause">');
  // Shiki, with both themes as CSS variables.
  expect(html).toMatch(/<pre class="astro-code astro-code-themes github-light-default github-dark-default"[^>]*--shiki-dark:[^>]*data-language="bash"/);
  // Smart quotes from smartypants, links to entries under the base path.
  expect(html).toContain("token’s");
  expect(html).toContain('href="/faultline/entries/cloud-run-access-token-instead-of-id-token/"');
  // Mermaid stays text for the browser to draw.
  expect(html).toContain('<pre class="diagram-source" data-mermaid="">graph TD\n  A --> B</pre>');
});

test("the base path is the page's, per call", async () => {
  const { html } = await renderMarkdown(body, "/");
  expect(html).toContain('href="/entries/cloud-run-access-token-instead-of-id-token/"');
});
