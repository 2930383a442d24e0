/**
 * What each kind of the secret catalog is, in words a person checking a paste needs. Apart from the
 * catalog so that the page's token panel takes these words without the rules, and the matcher's
 * worker the rules without these words.
 */
import type { TokenKind } from "./secret-catalog.js";

/** What a kind of credential is, in words a person checking a paste needs. */
export interface TokenKindInfo {
  readonly label: string;
  readonly note: string;
}

const rotate = "A secret: rotate it if this was shared.";

/** Every kind of the secret catalog, with its label and note. */
export const tokenKinds: Readonly<Record<TokenKind, TokenKindInfo>> = {
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
