// The server issues an anti-forgery token in the JavaScript-readable XSRF-TOKEN cookie;
// every unsafe request must echo it in the X-XSRF-TOKEN header.
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

export function apiRoot(): string {
  return `${window.location.origin}/api/v1`;
}

export function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const entry = part.trim();
    if (entry.startsWith(prefix)) {
      return decodeURIComponent(entry.slice(prefix.length));
    }
  }
  return null;
}

/** Asks the server for a fresh token cookie (it is bound to the signed-in user, so it changes on sign-in and sign-out). */
export async function refreshAntiforgery(): Promise<void> {
  try {
    await fetch(`${apiRoot()}/antiforgery`, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // Offline or server down: the request that needed the token will report the problem.
  }
}

export async function ensureAntiforgery(): Promise<void> {
  if (!readCookie(XSRF_COOKIE)) {
    await refreshAntiforgery();
  }
}
