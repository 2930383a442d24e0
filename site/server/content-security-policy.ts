/**
 * The Content-Security-Policy the built site is meant to run under, sent by the local server and
 * enforced in the browser tests. Scripts only from the site itself; 'wasm-unsafe-eval' because
 * Pagefind's search runs in WebAssembly; inline styles because Shiki colours tokens with style
 * attributes and mermaid styles its SVGs. No other origin, for anything.
 */
export const contentSecurityPolicy = [
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
  "frame-ancestors 'none'",
].join("; ");
