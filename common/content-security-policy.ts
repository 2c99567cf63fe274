/**
 * The Content-Security-Policy of the app's pages: no network access of any kind, no inline
 * script, no plugins, no forms, and the app may not be framed. Sent with every response of the
 * app's scheme, and by the browser tests with every file they serve.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
