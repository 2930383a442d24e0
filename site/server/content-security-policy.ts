/**
 * The Content-Security-Policy the built site is meant to run under, sent by the local server and
 * enforced in the browser tests. Scripts only from the site itself; 'wasm-unsafe-eval' because
 * Pagefind's search runs in WebAssembly; inline styles because Shiki colours tokens with style
 * attributes and mermaid styles its SVGs. No other origin, for anything.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy as an HTTP header (what the local server sends). */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join("; ");

/**
 * The same policy for a <meta> tag in every page, so it holds on any static host; browsers ignore
 * frame-ancestors in a meta tag, so it is left to the header.
 */
export const contentSecurityPolicyMeta = directives.join("; ");
