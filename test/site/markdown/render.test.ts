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

// Issue #16: raw HTML in an entry body was published as is, and so were javascript:, data: and
// vbscript: links written in markdown.
const hostile = `## Cause

<script>alert(1)</script>

<img src="x" onerror="alert(2)">

<meta http-equiv="refresh" content="0;url=https://evil.example/">

Inline <b onclick="alert(3)">bold</b> and [a](javascript:alert(4)) and [b](data:text/html;base64,PHNjcmlwdD4=) and [c](vbscript:msgbox(5)) and ![d](data:image/svg+xml,<svg/onload=alert(6)>).

| a | b |
|---|---|
| 1 | [docs](https://cloud.google.com/iam) |
`;

test("raw HTML and unsafe link schemes never reach the page; tables, code, mermaid and safe links stay", async () => {
  const { html } = await renderMarkdown(hostile + body, "/faultline/");
  for (const gone of ["<script", "alert(1)", 'src="x"', "onerror", "<meta", "http-equiv", "evil.example", "onclick", "javascript:", "data:", "vbscript:"]) {
    expect(html, gone).not.toContain(gone);
  }
  expect(html).toContain("<table>");
  expect(html).toContain('href="https://cloud.google.com/iam"');
  expect(html).toContain('href="/faultline/entries/cloud-run-access-token-instead-of-id-token/"');
  expect(html).toMatch(/<pre class="astro-code astro-code-themes github-light-default github-dark-default"[^>]*--shiki-dark:[^>]*data-language="bash"/);
  expect(html).toContain('<pre class="diagram-source" data-mermaid="">graph TD\n  A --> B</pre>');
  expect(html).toMatch(/<h2 id="cause">Cause<a class="heading-anchor" href="#cause"/);
});
