// The two cookies of a browser session. The session cookie is HTTP-only; the CSRF cookie is
// readable by the web app, which echoes it in the X-CSRF-Token header of every write.

/** Name of the session cookie. */
export const SESSION_COOKIE = 'ml_session';
/** Name of the cookie carrying the CSRF token. */
export const CSRF_COOKIE = 'ml_csrf';
/** Header that must repeat the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A Set-Cookie value: Secure and SameSite=Strict always; HttpOnly unless the app must read it. */
export function cookieHeader(name: string, value: string, options: { httpOnly: boolean; maxAgeSeconds: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `Max-Age=${options.maxAgeSeconds}`, 'Secure', 'SameSite=Strict'];
  if (options.httpOnly) parts.push('HttpOnly');
  return parts.join('; ');
}
