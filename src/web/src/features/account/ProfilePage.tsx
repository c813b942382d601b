import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { useMeQuery, useSignOutEverywhereMutation } from '../auth/authApi';
import { mfaSetupPath, useSession } from '../auth/session';
import {
  useChangePasswordMutation,
  useProfileQuery,
  useRegenerateRecoveryCodesMutation,
  useUpdateProfileMutation,
} from './accountApi';
import { RecoveryCodesList } from './RecoveryCodesList';

function DisplayNameForm() {
  const { data: profile, error: loadError } = useProfileQuery();
  const [update, { isLoading, error, isSuccess, reset }] = useUpdateProfileMutation();
  const [displayName, setDisplayName] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (profile) setDisplayName(profile.displayName);
  }, [profile]);

  const problem = toProblem(error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setMissing(!displayName.trim());
    if (!displayName.trim()) return;
    await update({ displayName: displayName.trim() });
  }

  return (
    <section aria-labelledby="details-heading" className="panel">
      <h2 id="details-heading">Your details</h2>
      <ProblemAlert problem={toProblem(loadError)} />
      <dl className="summary">
        <div>
          <dt>Email address</dt>
          <dd>{profile?.email ?? '…'}</dd>
        </div>
      </dl>
      {isSuccess ? <StatusMessage>Your name has been saved.</StatusMessage> : null}
      <ProblemAlert problem={problem} shownFields={['displayName']} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label="Display name"
          name="displayName"
          hint="How your name appears to colleagues and in the audit trail."
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={missing ? ['Enter a display name.'] : problem?.fieldErrors.displayName}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Save name
        </button>
      </form>
    </section>
  );
}

function ChangePasswordForm() {
  const [changePassword, { isLoading, error, isSuccess, reset }] = useChangePasswordMutation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});

  const problem = toProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const found: Record<string, string[]> = {};
    if (!currentPassword) found.currentPassword = ['Enter your current password.'];
    if (!newPassword) found.newPassword = ['Enter a new password.'];
    if (newPassword && confirmPassword !== newPassword) found.confirmPassword = ['The two new passwords do not match.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await changePassword({ currentPassword, newPassword });
    if (!('error' in result)) {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
    }
  }

  return (
    <section aria-labelledby="password-heading" className="panel">
      <h2 id="password-heading">Change your password</h2>
      {isSuccess ? <StatusMessage>Your password has been changed.</StatusMessage> : null}
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={['currentPassword', 'newPassword']} />
      )}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          errors={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          errors={errors.newPassword}
        />
        <TextField
          label="Confirm new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onChange={(e) => setConfirmPassword(e.target.value)}
          errors={errors.confirmPassword}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Change password
        </button>
      </form>
    </section>
  );
}

function TwoStepSection({ mfaEnabled }: { mfaEnabled: boolean }) {
  const [regenerate, { data, error, isLoading }] = useRegenerateRecoveryCodesMutation();
  return (
    <section aria-labelledby="mfa-heading" className="panel">
      <h2 id="mfa-heading">Two-step verification</h2>
      {mfaEnabled ? (
        <>
          <p>Two-step verification is on.</p>
          <p>
            Making new recovery codes replaces all of your old ones. Do this if you have used most of them or think
            someone else has seen them.
          </p>
          <ProblemAlert problem={toProblem(error)} />
          <ConfirmButton
            label="Make new recovery codes"
            question="Your old recovery codes will stop working. Continue?"
            confirmLabel="Yes, make new codes"
            disabled={isLoading}
            onConfirm={() => void regenerate()}
          />
          {data ? (
            <div className="recovery-result">
              <StatusMessage>New recovery codes made. Save them now: they will not be shown again.</StatusMessage>
              <RecoveryCodesList codes={data.recoveryCodes} />
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p>Two-step verification is off.</p>
          <p>
            <Link to={mfaSetupPath}>Set up two-step verification</Link>
          </p>
        </>
      )}
    </section>
  );
}

function SessionsSection() {
  const { endSession } = useSession();
  const [signOutEverywhere, { error, isLoading }] = useSignOutEverywhereMutation();
  async function run() {
    const result = await signOutEverywhere();
    if (!('error' in result)) {
      await endSession('You have been signed out on every device.');
    }
  }
  return (
    <section aria-labelledby="sessions-heading" className="panel">
      <h2 id="sessions-heading">Sessions</h2>
      <p>If you signed in on a shared or lost device, sign out everywhere. You will need to sign in again here too.</p>
      <ProblemAlert problem={toProblem(error)} />
      <ConfirmButton
        label="Sign out everywhere"
        question="End every session of your account, including this one?"
        confirmLabel="Yes, sign out everywhere"
        danger
        disabled={isLoading}
        onConfirm={() => void run()}
      />
    </section>
  );
}

export function ProfilePage() {
  const { data: me } = useMeQuery();
  return (
    <Page title="Your profile">
      <DisplayNameForm />
      <ChangePasswordForm />
      <TwoStepSection mfaEnabled={me?.mfaEnabled ?? false} />
      <SessionsSection />
    </Page>
  );
}
