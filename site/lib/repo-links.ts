/**
 * Links into the source repository, for "edit this entry" and "write the entry for this error".
 * Build-time only: it reads process.env and engine/package.json.
 */
import enginePackage from "../../engine/package.json" with { type: "json" };
import { repositoryWebUrl } from "./repository-url.ts";

/** The repository entries are edited in; FAULTLINE_REPO_URL overrides the engine package's `repository`. */
export const repoUrl: string = process.env["FAULTLINE_REPO_URL"]?.replace(/\/+$/, "") || repositoryWebUrl(enginePackage.repository.url);

/** The branch edit links open. */
export const repoBranch: string = process.env["FAULTLINE_REPO_BRANCH"] || "main";

/** The page that edits a file of the repository (GitHub and GitLab both use /edit/BRANCH/PATH). */
export function editUrl(filePath: string): string {
  return `${repoUrl}/edit/${repoBranch}/${filePath.replace(/^\.?\/+/, "")}`;
}
