const HOME = '/agreements';
// Any origin: only used to see where a relative path resolves.
const BASE = 'https://accord.invalid';

const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to go after signing in: a path of this app taken from `?next=`, or the home page. Anything
 * that could leave the site (`//evil.example`, `/\evil.example`, which browsers read as
 * `//evil.example`), carries control characters, or leads back to the sign-in page goes home.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || hasControlCharacter(next)) return HOME;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return HOME;
  }
  if (url.origin !== BASE || url.pathname.startsWith('/sign-in')) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
