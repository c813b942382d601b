import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe, enrollingAdminMe, officerMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderApp } from '../../test/renderApp';
import type { Me, SignInStatus } from './authApi';
import { mfaRequestFor } from './MfaCodePage';

/** A server whose session starts signed out and becomes `meAfter` once sign-in (and MFA, if asked) succeed. */
function signInServer(status: SignInStatus, meAfter: Me) {
  const calls = { signIn: [] as unknown[], mfa: [] as unknown[] };
  let me: Me | null = null;
  server.use(
    http.get(api('/auth/me'), () => (me ? HttpResponse.json(me) : problem(401, 'Unauthorized'))),
    http.post(api('/auth/sign-in'), async ({ request }) => {
      calls.signIn.push(await request.json());
      if (status !== 'mfaRequired') me = meAfter;
      return HttpResponse.json({ status });
    }),
    http.post(api('/auth/mfa'), async ({ request }) => {
      calls.mfa.push(await request.json());
      me = meAfter;
      return HttpResponse.json({ status: 'signedIn' });
    }),
  );
  return calls;
}

async function fillSignIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('signing in', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    signInServer('signedIn', officerMe);
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('signedIn: posts the credentials and shows the home page', async () => {
    const calls = signInServer('signedIn', officerMe);
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'officer@lnemis.local', 'Demo-Officer-Password-2026');

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Olu Officer' })).toBeInTheDocument();
    expect(calls.signIn).toEqual([{ email: 'officer@lnemis.local', password: 'Demo-Officer-Password-2026' }]);
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
    // An officer has no users.read, so sees no administration links.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Your profile' })).toBeInTheDocument();
  });

  it('returns to the page first asked for after signing in', async () => {
    signInServer('signedIn', adminMe);
    server.use(http.get(api('/users'), () => HttpResponse.json({ items: [], page: 1, pageSize: 20, total: 0 })));
    const { user } = renderApp('/admin/users');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Users' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Audit trail' })).toBeInTheDocument();
  });

  it('mfaRequired: asks for a code and posts it as a TOTP code', async () => {
    const calls = signInServer('mfaRequired', adminMe);
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');

    expect(await screen.findByRole('heading', { level: 1, name: 'Enter your verification code' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in/mfa');
    await user.type(screen.getByLabelText('Verification code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeInTheDocument();
    expect(calls.mfa).toEqual([{ code: '123456' }]);
  });

  it('mfaRequired: accepts a recovery code instead', async () => {
    const calls = signInServer('mfaRequired', adminMe);
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');
    await user.type(await screen.findByLabelText('Verification code'), 'k7q2-9xzt');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeInTheDocument();
    expect(calls.mfa).toEqual([{ recoveryCode: 'k7q2-9xzt' }]);
  });

  it('mfaRequired: shows the server problem for a wrong code', async () => {
    signInServer('mfaRequired', adminMe);
    server.use(http.post(api('/auth/mfa'), () => problem(401, 'The code is not valid.')));
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');
    await user.type(await screen.findByLabelText('Verification code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The code is not valid.');
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in/mfa');
  });

  it('mfaEnrolmentRequired: goes to MFA enrolment and nothing else is reachable', async () => {
    signInServer('mfaEnrolmentRequired', enrollingAdminMe);
    server.use(
      http.post(api('/account/mfa/setup'), () =>
        HttpResponse.json({
          sharedKey: 'JBSWY3DPEHPK3PXP',
          authenticatorUri: 'otpauth://totp/x',
          qrCodeDataUri: 'data:image/png;base64,AA==',
        }),
      ),
    );
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/account/mfa/setup');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    // Following the brand link home still lands on enrolment.
    await user.click(screen.getByRole('link', { name: /LNEMIS/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/account/mfa/setup'));
    expect(screen.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeInTheDocument();
  });

  it('shows the 401 problem for wrong credentials and stays on the page', async () => {
    server.use(
      http.get(api('/auth/me'), () => problem(401, 'Unauthorized')),
      http.post(api('/auth/sign-in'), () =>
        problem(401, 'Sign-in failed', { detail: 'The email address or password is not right.' }),
      ),
    );
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'officer@lnemis.local', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('The email address or password is not right.');
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in');
  });

  it('shows the 423 lock-out problem', async () => {
    server.use(
      http.get(api('/auth/me'), () => problem(401, 'Unauthorized')),
      http.post(api('/auth/sign-in'), () => problem(423, 'Account locked', { detail: 'Try again in 15 minutes.' })),
    );
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'officer@lnemis.local', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 15 minutes.');
  });

  it('asks for missing fields without calling the server', async () => {
    let called = false;
    server.use(
      http.get(api('/auth/me'), () => problem(401, 'Unauthorized')),
      http.post(api('/auth/sign-in'), () => {
        called = true;
        return HttpResponse.json({ status: 'signedIn' });
      }),
    );
    const { user } = renderApp('/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('Error: Enter your email address.');
    expect(called).toBe(false);
  });
});

describe('signing out', () => {
  it('signs out from the header and shows the sign-in page with a notice', async () => {
    let signedIn = true;
    let signOutCalls = 0;
    server.use(
      http.get(api('/auth/me'), () => (signedIn ? HttpResponse.json(adminMe) : problem(401, 'Unauthorized'))),
      http.post(api('/auth/sign-out'), () => {
        signOutCalls++;
        signedIn = false;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out.');
    expect(signOutCalls).toBe(1);
    await waitFor(() => expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});

describe('mfaRequestFor', () => {
  it('treats six digits as a TOTP code and anything else as a recovery code', () => {
    expect(mfaRequestFor(' 123 456 ')).toEqual({ code: '123456' });
    expect(mfaRequestFor('1234567')).toEqual({ recoveryCode: '1234567' });
    expect(mfaRequestFor(' ab12-cd34 ')).toEqual({ recoveryCode: 'ab12-cd34' });
  });
});

describe('restricted session', () => {
  it('treats a 403 from /auth/me as a session that may only enrol MFA', async () => {
    server.use(
      http.get(api('/auth/me'), () => problem(403, 'Forbidden')),
      http.post(api('/account/mfa/setup'), () =>
        HttpResponse.json({
          sharedKey: 'ABCDEF234567',
          authenticatorUri: 'otpauth://totp/x',
          qrCodeDataUri: 'data:image/png;base64,AA==',
        }),
      ),
    );
    renderApp('/admin/users');
    expect(await screen.findByTestId('mfa-shared-key')).toHaveTextContent('ABCDEF234567');
    expect(screen.getByTestId('location')).toHaveTextContent('/account/mfa/setup');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });
});

describe('second factor still due', () => {
  it('keeps the user on the code page even if the server already describes the session', async () => {
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json({ ...adminMe, permissions: [] })),
      http.post(api('/auth/sign-in'), () => HttpResponse.json({ status: 'mfaRequired' })),
    );
    const { user } = renderApp('/sign-in');
    await fillSignIn(user, 'admin@lnemis.local', 'pw');
    await screen.findByRole('heading', { level: 1, name: 'Enter your verification code' });
    await user.click(screen.getByRole('link', { name: /LNEMIS/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in/mfa'));
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });
});
