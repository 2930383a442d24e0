/**
 * What each kind of pasted credential is, in words a person checking a token needs: every kind of the
 * engine's secret catalog (the type makes a new kind fail here until it has words), by issuer for JWTs.
 */
import type { FoundSecret } from "faultline/browser";

/** A credential's name and a note on what it is for. */
export interface TokenDescription {
  readonly label: string;
  readonly note: string;
}

const byIssuer: Readonly<Record<NonNullable<FoundSecret["issuerKind"]>, TokenDescription>> = {
  "google-id-token": { label: "Google ID token (JWT)", note: "An OpenID Connect ID token: what Cloud Run, Cloud Functions and IAP expect. Google APIs want an access token instead." },
  "azure-ad-token": { label: "Microsoft Entra token (JWT)", note: "Issued by Microsoft Entra ID; its aud claim says which API it is for." },
  "kubernetes-token": { label: "Kubernetes service account token (JWT)", note: "A projected or legacy service account token; its aud claim says who may accept it." },
};

const rotate = "A secret: rotate it if this was shared.";

const byKind: Readonly<Record<FoundSecret["kind"], TokenDescription>> = {
  "google-access-token": { label: "Google OAuth access token", note: "An access token (ya29.): accepted by Google APIs, refused by Cloud Run and IAP, which want an ID token." },
  "google-refresh-token": { label: "Google OAuth refresh token", note: "A long-lived secret that mints access tokens. Revoke it if it was shared." },
  "google-api-key": { label: "Google API key", note: "Identifies a project, not a person or service account; many APIs refuse API keys." },
  "google-client-secret": { label: "Google OAuth client secret (GOCSPX-)", note: rotate },
  "gcp-hmac-secret": { label: "Cloud Storage HMAC secret", note: rotate },
  jwt: { label: "JSON Web Token", note: "A signed token whose claims are shown below, decoded here without checking the signature." },
  "aws-access-key-id": { label: "AWS access key ID (long-term, AKIA…)", note: "A key ID, not a secret: it names an IAM user's access key pair." },
  "aws-temporary-access-key-id": { label: "AWS temporary access key ID (ASIA…)", note: "A key ID from STS: it works only with the session token issued with it, and expires." },
  "aws-secret-access-key": { label: "AWS secret access key", note: rotate },
  "aws-session-token": { label: "AWS session token", note: "Temporary credentials from STS: revoke the role's sessions if this was shared." },
  "azure-client-secret": { label: "Client secret", note: "An app registration's password: rotate it if this was shared." },
  "azure-refresh-token": { label: "Microsoft Entra refresh token", note: "Mints new access tokens: revoke the user's sessions if this was shared." },
  "azure-storage-key": { label: "Azure storage account key", note: "Full access to the storage account: rotate the key if this was shared." },
  "azure-shared-access-key": { label: "Azure shared access key", note: rotate },
  "url-signature": { label: "Signed URL signature", note: "Whoever has the URL has the access it grants until it expires." },
  "github-token": { label: "GitHub token", note: "Revoke it in GitHub's settings if this was shared." },
  "slack-token": { label: "Slack token", note: "Revoke it if this was shared." },
  "private-key": { label: "Private key", note: rotate },
  "bearer-token": { label: "Bearer token", note: "An opaque token sent in an Authorization header." },
  "basic-auth": { label: "Basic authentication credentials", note: "A user name and password, base64-encoded: change the password if this was shared." },
  "access-token": { label: "Access token", note: "A token passed as a parameter, flag or setting." },
  "refresh-token": { label: "Refresh token", note: "A long-lived secret that mints access tokens. Revoke it if it was shared." },
  "api-key": { label: "API key", note: rotate },
  "url-password": { label: "Password in a URL", note: "A secret: change it if this was shared." },
  password: { label: "Password", note: "A secret: change it if this was shared." },
  secret: { label: "Secret", note: rotate },
};

/** Describes one found secret, by issuer for JWTs and by kind otherwise. */
export function describeToken(secret: Pick<FoundSecret, "kind" | "issuerKind">): TokenDescription {
  if (secret.kind === "jwt" && secret.issuerKind) return byIssuer[secret.issuerKind];
  return byKind[secret.kind];
}
