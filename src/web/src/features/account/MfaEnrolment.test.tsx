import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe, enrollingAdminMe, recoveryCodes } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderApp } from '../../test/renderApp';

const setup = {
  sharedKey: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  authenticatorUri: 'otpauth://totp/LNEMIS:admin%40lnemis.local?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=LNEMIS',
  qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=',
};

function enrolmentServer() {
  const calls = { setup: 0, enable: [] as unknown[] };
  let me = enrollingAdminMe;
  server.use(
    http.get(api('/auth/me'), () => HttpResponse.json(me)),
    http.post(api('/account/mfa/setup'), () => {
      calls.setup++;
      return HttpResponse.json(setup);
    }),
    http.post(api('/account/mfa/enable'), async ({ request }) => {
      const body = (await request.json()) as { code: string };
      calls.enable.push(body);
      if (body.code !== '654321') {
        return problem(400, 'One or more validation errors occurred.', {
          errors: { code: ['The code is not valid.'] },
        });
      }
      me = adminMe;
      return HttpResponse.json({ recoveryCodes });
    }),
  );
  return calls;
}

describe('MFA enrolment', () => {
  it('shows the QR code and the exact shared key, then the ten recovery codes once', async () => {
    const calls = enrolmentServer();
    const { user } = renderApp('/account/mfa/setup');

    const key = await screen.findByTestId('mfa-shared-key');
    expect(key.textContent).toBe(setup.sharedKey);
    const qr = screen.getByRole('img', { name: /QR code/ });
    expect(qr).toHaveAttribute('src', setup.qrCodeDataUri);
    expect(calls.setup).toBe(1);

    await user.type(screen.getByLabelText('6-digit code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(recoveryCodes);
    expect(calls.enable).toEqual([{ code: '654321' }]);
    expect(screen.queryByTestId('mfa-shared-key')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have saved these' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeInTheDocument();
    // With enrolment done, the full navigation appears.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows a wrong code as an error on the code field', async () => {
    enrolmentServer();
    const { user } = renderApp('/account/mfa/setup');
    await user.type(await screen.findByLabelText('6-digit code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('One or more validation errors occurred.');
    const input = screen.getByLabelText('6-digit code');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Error: The code is not valid.');
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
  });
});
