import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const api = (path: string) => `http://localhost:3000/api/v1${path}`;

export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** Every test states the endpoints it needs; anything else is an error so that stray calls are noticed. */
export const server = setupServer(
  // The header's notification bell asks on every page; tests about notifications override it.
  http.get(api('/notifications/inbox/unread-count'), () => HttpResponse.json({ count: 0 })),
  http.get(api('/antiforgery'), () => {
    document.cookie = 'XSRF-TOKEN=fresh-token; path=/';
    return new HttpResponse(null, { status: 204 });
  }),
);
