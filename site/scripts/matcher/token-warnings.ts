/**
 * Warnings about the first JWT of a paste, from the engine's facts: the ones that lead to a
 * diagnosis (expired, audience with a path, audience that is not the service being called).
 */
import type { Facts } from "faultline/browser";

/** One warning; `kind` lets the page and tests tell them apart. */
export interface TokenWarning {
  readonly kind: "expired" | "audience-path" | "audience-mismatch";
  readonly message: string;
}

const serverlessHost = /\.run\.app$|\.cloudfunctions\.net$/;

function audienceText(aud: string | readonly string[] | undefined): string {
  if (aud === undefined) return "(none)";
  return typeof aud === "string" ? aud : aud.join(", ");
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The origin of the first Cloud Run or Cloud Functions URL in the paste, if any. */
export function serviceOrigin(urls: readonly string[]): string | undefined {
  for (const url of urls) {
    const origin = originOf(url);
    if (origin && serverlessHost.test(new URL(origin).hostname)) return origin;
  }
  return undefined;
}

/** Warnings for the first JWT in the paste; `expiredAt` formats the exp claim for people. */
export function tokenWarnings(facts: Pick<Facts, "jwt" | "jwtExpired" | "jwtAudienceHasPath" | "jwtAudienceMatchesUrl" | "urls">, expiredAt: (exp: number) => string): TokenWarning[] {
  const warnings: TokenWarning[] = [];
  const jwt = facts.jwt;
  if (!jwt) return warnings;
  const aud = audienceText(jwt.aud);
  if (facts.jwtExpired === true && jwt.exp !== undefined) {
    warnings.push({ kind: "expired", message: `This token has expired: its exp claim is ${expiredAt(jwt.exp)}. Mint a new one; no permission change will make an expired token work.` });
  }
  const audOrigin = typeof jwt.aud === "string" ? originOf(jwt.aud) : undefined;
  if (facts.jwtAudienceHasPath === true) {
    const fix = audOrigin ? ` Mint the token with the audience ${audOrigin} instead.` : "";
    warnings.push({ kind: "audience-path", message: `The audience ${aud} has a path. Cloud Run and Cloud Functions expect the service's base URL, without a path.${fix}` });
  }
  if (facts.jwtAudienceMatchesUrl === false) {
    const service = serviceOrigin(facts.urls);
    warnings.push({ kind: "audience-mismatch", message: `The audience ${aud} differs from the URL this paste calls${service ? ` (${service})` : ""}. The service only accepts tokens minted for its own URL.` });
  }
  return warnings;
}
