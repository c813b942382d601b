import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { officerMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderApp } from '../../test/renderApp';

function profileServer() {
  const calls = { password: [] as unknown[], profile: [] as unknown[], everywhere: 0 };
  let signedIn = true;
  server.use(
    http.get(api('/auth/me'), () => (signedIn ? HttpResponse.json(officerMe) : problem(401, 'Unauthorized'))),
    http.get(api('/account/profile'), () =>
      HttpResponse.json({ email: officerMe.email, displayName: officerMe.displayName }),
    ),
    http.put(api('/account/profile'), async ({ request }) => {
      const body = (await request.json()) as { displayName: string };
      calls.profile.push(body);
      return HttpResponse.json({ email: officerMe.email, displayName: body.displayName });
    }),
    http.post(api('/account/password'), async ({ request }) => {
      calls.password.push(await request.json());
      return problem(400, 'One or more validation errors occurred.', {
        errors: { NewPassword: ['The password must be at least 12 characters.', 'The password is too common.'] },
      });
    }),
    http.post(api('/auth/sign-out-everywhere'), () => {
      calls.everywhere++;
      signedIn = false;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return calls;
}

describe('profile', () => {
  it('shows server field errors next to the new password field', async () => {
    const calls = profileServer();
    const { user } = renderApp('/account/profile');
    await user.type(await screen.findByLabelText('Current password'), 'old-password-1');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('One or more validation errors occurred.');
    const field = screen.getByLabelText('New password');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Error: The password must be at least 12 characters. The password is too common.'),
    );
    expect(screen.getByLabelText('Current password')).not.toHaveAttribute('aria-invalid');
    expect(calls.password).toEqual([{ currentPassword: 'old-password-1', newPassword: 'short' }]);
  });

  it('saves the display name', async () => {
    const calls = profileServer();
    const { user } = renderApp('/account/profile');
    const name = await screen.findByLabelText('Display name');
    await waitFor(() => expect(name).toHaveValue('Olu Officer'));
    await user.clear(name);
    await user.type(name, 'Olu A. Officer');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your name has been saved.');
    expect(calls.profile).toEqual([{ displayName: 'Olu A. Officer' }]);
  });

  it('signs out everywhere after confirmation', async () => {
    const calls = profileServer();
    const { user } = renderApp('/account/profile');
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(calls.everywhere).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out on every device.');
    expect(calls.everywhere).toBe(1);
  });
});
