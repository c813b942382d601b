import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVerifyMfaMutation, type MfaRequest } from './authApi';
import { useSession } from './session';

/** Six digits (spaces allowed) are an authenticator code; anything else is taken as a recovery code. */
export function mfaRequestFor(input: string): MfaRequest {
  const compact = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(compact) ? { code: compact } : { recoveryCode: input.trim() };
}

export function MfaCodePage() {
  const { completeSignIn } = useSession();
  const [verify, { isLoading, error }] = useVerifyMfaMutation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);

  const problem = toProblem(error);
  const codeErrors = missing
    ? ['Enter the code from your authenticator app or a recovery code.']
    : [...(problem?.fieldErrors.code ?? []), ...(problem?.fieldErrors.recoveryCode ?? [])];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!code.trim());
    if (!code.trim()) return;
    const result = await verify(mfaRequestFor(code));
    if ('data' in result && result.data?.status === 'signedIn') {
      await completeSignIn();
    }
  }

  return (
    <Page title="Enter your verification code">
      <div className="narrow">
        {missing ? null : <ProblemAlert problem={problem} shownFields={['code', 'recoveryCode']} />}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            label="Verification code"
            name="code"
            hint="Enter the 6-digit code from your authenticator app. If you do not have your device, enter one of your recovery codes instead."
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            errors={codeErrors.length > 0 ? codeErrors : undefined}
          />
          <button type="submit" className="button" disabled={isLoading}>
            {isLoading ? 'Checking…' : 'Continue'}
          </button>
        </form>
        <p>
          <Link to="/sign-in">Sign in as someone else</Link>
        </p>
      </div>
    </Page>
  );
}
