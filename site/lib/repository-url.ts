/**
 * Repository web addresses, pure and browser-safe: the matcher page builds the "new file" link in
 * the browser from the repository the build was configured with.
 */

/** "https://github.com/o/r" for a package.json `repository.url` such as "git+https://github.com/o/r.git". */
export function repositoryWebUrl(gitUrl: string): string {
  return gitUrl.replace(/^git\+/, "").replace(/\/+$/, "").replace(/\.git$/, "");
}

/**
 * The longest link the page offers: browsers take far longer ones, but GitHub answers a request whose
 * URL passes about 8 KB with an error page instead of the editor.
 */
export const maxNewFileUrlLength = 8000;

/** A link that opens a new file in the repository's web editor, or why there is none. */
export type NewFileLink = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly length: number; readonly limit: number };

/** Each segment encoded, the slashes kept: a branch such as "team/kb" stays a path. */
function encodePath(path: string): string {
  return path.split("/").filter(Boolean).map(encodeURIComponent).join("/");
}

/**
 * The GitHub page that creates `dir/filename` on `branch` with `content` filled in
 * (/new/BRANCH/DIR?filename=…&value=…); too long a content gives no link but its length.
 */
export function newFileLink(repo: { readonly url: string; readonly branch: string }, dir: string, filename: string, content: string): NewFileLink {
  const url = `${repo.url.replace(/\/+$/, "")}/new/${encodePath(repo.branch)}/${encodePath(dir)}?filename=${encodeURIComponent(filename)}&value=${encodeURIComponent(content)}`;
  return url.length <= maxNewFileUrlLength ? { ok: true, url } : { ok: false, length: url.length, limit: maxNewFileUrlLength };
}
