export interface SignedIn {
  /** `accord_session=…`, ready for a Cookie header. */
  cookieHeader: string;
  /** The session's token for the X-CSRF-Token header of state-changing requests. */
  csrfToken: string;
}

/** Signs in over the API as the web app does: a pre-session CSRF token and cookie, then the sign-in. */
export async function signIn(base: string, email: string, password: string): Promise<SignedIn> {
  const jar = new Map<string, string>();
  const csrf = await fetch(new URL('/api/auth/csrf', base));
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  storeCookies(jar, csrf);
  const { csrfToken: preSessionToken } = (await csrf.json()) as { csrfToken: string };

  const response = await fetch(new URL('/api/auth/sign-in', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': preSessionToken, cookie: cookieHeaderOf(jar) },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`POST /api/auth/sign-in answered ${response.status}: ${await response.text()}`);
  storeCookies(jar, response);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!jar.has('accord_session')) throw new Error('The sign-in answer set no accord_session cookie');
  return { cookieHeader: cookieHeaderOf(jar), csrfToken };
}

function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const isCleared = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (isCleared) jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeaderOf(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
