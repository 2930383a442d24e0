/** What each kind of pasted credential is, in words a person checking a token needs: the secret catalog's words, by issuer for JWTs. */
import { tokenKinds, type FoundSecret, type TokenKindInfo } from "faultline/browser";

/** A credential's name and a note on what it is for. */
export type TokenDescription = TokenKindInfo;

const byIssuer: Readonly<Record<NonNullable<FoundSecret["issuerKind"]>, TokenDescription>> = {
  "google-id-token": { label: "Google ID token (JWT)", note: "An OpenID Connect ID token: what Cloud Run, Cloud Functions and IAP expect. Google APIs want an access token instead." },
  "azure-ad-token": { label: "Microsoft Entra token (JWT)", note: "Issued by Microsoft Entra ID; its aud claim says which API it is for." },
  "kubernetes-token": { label: "Kubernetes service account token (JWT)", note: "A projected or legacy service account token; its aud claim says who may accept it." },
};

/** Describes one found secret, by issuer for JWTs and by kind otherwise. */
export function describeToken(secret: Pick<FoundSecret, "kind" | "issuerKind">): TokenDescription {
  if (secret.kind === "jwt" && secret.issuerKind) return byIssuer[secret.issuerKind];
  return tokenKinds[secret.kind];
}
