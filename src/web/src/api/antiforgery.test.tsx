import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../test/server';
import { renderApp } from '../test/renderApp';
import { readCookie } from './antiforgery';

function signInServer() {
  const seen: { method: string; path: string; token: string | null }[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      token: request.headers.get('X-XSRF-TOKEN'),
    });
  });
  server.use(
    http.get(api('/auth/me'), () => problem(401, 'Unauthorized')),
    http.post(api('/auth/sign-in'), () => problem(401, 'Sign-in failed')),
  );
  return seen;
}

async function signIn(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Email address'), 'a@b.c');
  await user.type(screen.getByLabelText('Password'), 'pw');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('alert');
}

describe('anti-forgery header', () => {
  it('sends the XSRF-TOKEN cookie value on POST but not on GET', async () => {
    document.cookie = 'XSRF-TOKEN=cookie%2Fvalue%3D; path=/';
    const seen = signInServer();
    const { user } = renderApp('/sign-in');
    await signIn(user);

    const post = seen.find((r) => r.method === 'POST' && r.path === '/api/v1/auth/sign-in');
    expect(post?.token).toBe('cookie/value=');
    expect(seen.filter((r) => r.method === 'GET').every((r) => r.token === null)).toBe(true);
    server.events.removeAllListeners();
  });

  it('fetches the cookie first when it is missing', async () => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    expect(readCookie('XSRF-TOKEN')).toBeNull();
    const seen = signInServer();
    const { user } = renderApp('/sign-in');
    await signIn(user);

    const paths = seen.map((r) => `${r.method} ${r.path}`);
    const refresh = paths.indexOf('GET /api/v1/antiforgery');
    const post = paths.indexOf('POST /api/v1/auth/sign-in');
    expect(refresh).toBeGreaterThanOrEqual(0);
    expect(refresh).toBeLessThan(post);
    expect(seen[post]?.token).toBe('fresh-token');
    server.events.removeAllListeners();
  });

  it('refreshes a stale token once and retries', async () => {
    document.cookie = 'XSRF-TOKEN=stale; path=/';
    const tokens: (string | null)[] = [];
    server.use(
      http.get(api('/auth/me'), () => problem(401, 'Unauthorized')),
      http.post(api('/auth/sign-in'), ({ request }) => {
        const token = request.headers.get('X-XSRF-TOKEN');
        tokens.push(token);
        return token === 'fresh-token'
          ? HttpResponse.json({ status: 'mfaRequired' })
          : problem(400, 'Bad Request', { detail: 'The antiforgery token could not be validated.' });
      }),
    );
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByLabelText('Email address'), 'a@b.c');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in/mfa'));
    expect(tokens).toEqual(['stale', 'fresh-token']);
  });
});
