/** Links into the source repository, for "edit this entry". Build-time only: it reads process.env. */

/** The repository entries are edited in; FAULTLINE_REPO_URL overrides it. */
export const repoUrl: string = process.env["FAULTLINE_REPO_URL"]?.replace(/\/+$/, "") || "https://github.com/faultline-kb/faultline";

/** The branch edit links open. */
export const repoBranch: string = process.env["FAULTLINE_REPO_BRANCH"] || "main";

/** The page that edits a file of the repository (GitHub and GitLab both use /edit/BRANCH/PATH). */
export function editUrl(filePath: string): string {
  return `${repoUrl}/edit/${repoBranch}/${filePath.replace(/^\.?\/+/, "")}`;
}
