import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { toProblem } from '../../api/problem';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { useSignInMutation } from './authApi';
import { mfaPendingSet, noticeDismissed, returnToSet } from './authSlice';
import { mfaSetupPath, useSession } from './session';

export function SignInPage() {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = useAppSelector((state) => state.auth.notice);
  const { completeSignIn } = useSession();
  const [signIn, { isLoading, error }] = useSignInMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string[]>>({});

  useEffect(() => {
    const from = (location.state as { from?: string } | null)?.from;
    if (from && from !== '/sign-in') dispatch(returnToSet(from));
  }, [dispatch, location.state]);

  const problem = toProblem(error);
  const fieldErrors = { ...problem?.fieldErrors, ...missing };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!email.trim()) errors.email = ['Enter your email address.'];
    if (!password) errors.password = ['Enter your password.'];
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;

    const result = await signIn({ email: email.trim(), password });
    if (!('data' in result) || !result.data) return;
    dispatch(noticeDismissed());
    switch (result.data.status) {
      case 'signedIn':
        await completeSignIn();
        break;
      case 'mfaRequired':
        dispatch(mfaPendingSet(true));
        await navigate('/sign-in/mfa');
        break;
      case 'mfaEnrolmentRequired':
        await completeSignIn(mfaSetupPath);
        break;
    }
  }

  return (
    <Page title="Sign in">
      <div className="narrow">
        {notice ? <StatusMessage>{notice}</StatusMessage> : null}
        {Object.keys(missing).length > 0 ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">Enter your email address and password.</p>
          </div>
        ) : (
          <ProblemAlert problem={problem} shownFields={['email', 'password']} />
        )}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            label="Email address"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={fieldErrors.email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={fieldErrors.password}
          />
          <button type="submit" className="button" disabled={isLoading}>
            {isLoading ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </Page>
  );
}
