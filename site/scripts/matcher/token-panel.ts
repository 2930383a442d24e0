/** The token panel: what each pasted credential is, its decoded claims, and warnings about it. */
import type { FoundSecret, JwtClaims, MatchReport } from "faultline/browser";
import { h } from "../dom.ts";
import { localTime } from "./local-time.ts";
import { describeToken } from "./token-kinds.ts";
import { tokenWarnings } from "./token-warnings.ts";

function claimRows(claims: JwtClaims, now: number): HTMLElement {
  const rows: Array<[string, string | undefined]> = [
    ["aud (audience)", claims.aud === undefined ? undefined : typeof claims.aud === "string" ? claims.aud : claims.aud.join(", ")],
    ["iss (issuer)", claims.iss],
    ["email", claims.email],
    ["sub (subject)", claims.sub],
    ["exp (expires)", claims.exp === undefined ? undefined : localTime(claims.exp, now)],
    ["iat (issued)", claims.iat === undefined ? undefined : localTime(claims.iat, now)],
  ];
  const list = h("dl", { class: "claims" });
  for (const [name, value] of rows) {
    if (value !== undefined) list.append(h("dt", {}, name), h("dd", {}, value));
  }
  return list;
}

function tokenCard(secret: FoundSecret, mask: string, warnings: readonly HTMLElement[], now: number): HTMLElement {
  const { label, note } = describeToken(secret);
  return h(
    "li",
    { class: "token-card", "data-token-kind": secret.issuerKind ?? secret.kind },
    h("h3", {}, label),
    h("p", {}, h("code", { class: "secret-mask" }, mask)),
    h("p", { class: "muted" }, note),
    secret.claims ? claimRows(secret.claims, now) : null,
    warnings.length > 0 ? h("ul", { class: "warnings" }, ...warnings) : null,
  );
}

/** Renders the panel, or null when the paste holds no credential. */
export function renderTokenPanel(report: MatchReport, text: string, masks: readonly string[], now: number = Date.now()): HTMLElement | null {
  if (report.secrets.length === 0) return null;
  const warnings = tokenWarnings(report.facts, (exp) => localTime(exp, now)).map((w) => h("li", { class: "warning", "data-warning": w.kind }, w.message));
  // The engine's JWT facts describe the first JWT of the paste, so its warnings go on that card.
  const firstJwt = report.secrets.findIndex((s) => s.kind === "jwt");
  const seen = new Set<string>();
  const cards = h("ul", { class: "token-cards" });
  report.secrets.forEach((secret, i) => {
    const raw = text.slice(secret.start, secret.end);
    if (seen.has(raw)) return;
    seen.add(raw);
    cards.append(tokenCard(secret, masks[i] ?? "[redacted]", i === firstJwt ? warnings : [], now));
  });
  return h(
    "section",
    { class: "token-panel", "aria-labelledby": "token-panel-title" },
    h("h2", { id: "token-panel-title" }, "Tokens in your paste"),
    h("p", { class: "muted" }, "Decoded in your browser without checking signatures. Tokens are shown masked, and nothing is sent anywhere."),
    cards,
  );
}
