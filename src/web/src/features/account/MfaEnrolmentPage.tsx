import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toProblem } from '../../api/problem';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMeQuery } from '../auth/authApi';
import { useSession } from '../auth/session';
import { useEnableMfaMutation, useStartMfaSetupMutation } from './accountApi';
import { RecoveryCodesList } from './RecoveryCodesList';

export function MfaEnrolmentPage() {
  const navigate = useNavigate();
  const { reloadMe } = useSession();
  const { data: me } = useMeQuery();
  const [startSetup, setupState] = useStartMfaSetupMutation();
  const [enable, enableState] = useEnableMfaMutation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // Each setup call makes a new key; a ref keeps it to one call even when effects run twice.
  const started = useRef(false);
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      void startSetup();
    }
  }, [startSetup]);

  const setup = setupState.data;
  const enableProblem = toProblem(enableState.error);
  const codeErrors = missing
    ? ['Enter the 6-digit code from your authenticator app.']
    : enableProblem?.fieldErrors.code;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const compact = code.replace(/\s+/g, '');
    setMissing(compact.length === 0);
    if (compact.length === 0) return;
    const result = await enable({ code: compact });
    if ('data' in result && result.data) {
      setRecoveryCodes(result.data.recoveryCodes);
    }
  }

  async function finish() {
    await reloadMe();
    await navigate('/', { replace: true });
  }

  if (recoveryCodes) {
    return (
      <Page title="Save your recovery codes">
        <div className="narrow">
          <div className="alert alert--success" role="status">
            <p className="alert__title">Two-step verification is now on.</p>
          </div>
          <p>
            If you lose the device with your authenticator app, you can sign in with one of these codes instead. Each
            code works once. Keep them somewhere safe, such as a password manager:{' '}
            <strong>they will not be shown again</strong>.
          </p>
          <RecoveryCodesList codes={recoveryCodes} />
          <button type="button" className="button" onClick={() => void finish()}>
            I have saved these
          </button>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Set up two-step verification">
      <div className="narrow">
        {me?.mfaEnrolmentRequired ? (
          <p className="lead">
            Your role requires two-step verification. Set it up now to continue: you will then need your password and a
            code from an authenticator app to sign in.
          </p>
        ) : (
          <p className="lead">Protect your account with a code from an authenticator app as well as your password.</p>
        )}

        <ProblemAlert problem={toProblem(setupState.error)} />

        {setupState.isLoading ? <p role="status">Preparing your key…</p> : null}

        {setup ? (
          <>
            <h2>1. Add LNEMIS to your authenticator app</h2>
            <p>Scan this QR code with an authenticator app on your phone.</p>
            <img
              className="qr-code"
              src={setup.qrCodeDataUri}
              width={200}
              height={200}
              alt="QR code that adds your LNEMIS account to an authenticator app. If you cannot scan it, type in the key shown below."
            />
            <p id="shared-key-label">If you cannot scan the code, enter this key in the app instead:</p>
            <p>
              <code className="shared-key" data-testid="mfa-shared-key">
                {setup.sharedKey}
              </code>
            </p>

            <h2>2. Enter the code the app shows</h2>
            <ProblemAlert problem={enableProblem} shownFields={['code']} />
            <form onSubmit={submit} noValidate className="form">
              <TextField
                label="6-digit code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                className="input--short"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                errors={codeErrors}
              />
              <button type="submit" className="button" disabled={enableState.isLoading}>
                {enableState.isLoading ? 'Checking…' : 'Turn on two-step verification'}
              </button>
            </form>
          </>
        ) : null}
      </div>
    </Page>
  );
}
