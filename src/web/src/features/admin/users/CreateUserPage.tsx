import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toProblem } from '../../../api/problem';
import { TextField } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCreateUserMutation } from './usersApi';

export function CreateUserPage() {
  const navigate = useNavigate();
  const [createUser, { isLoading, error }] = useCreateUserMutation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = toProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!email.trim()) found.email = ['Enter an email address.'];
    if (!displayName.trim()) found.displayName = ['Enter a display name.'];
    if (!password) found.password = ['Enter a first password.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await createUser({ email: email.trim(), displayName: displayName.trim(), password });
    if ('data' in result && result.data) {
      await navigate(`/admin/users/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Create a user">
      <p>
        <Link to="/admin/users">Back to users</Link>
      </p>
      <div className="narrow">
        {Object.keys(clientErrors).length > 0 ? null : (
          <ProblemAlert problem={problem} shownFields={['email', 'displayName', 'password']} />
        )}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            label="Email address"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={errors.email}
          />
          <TextField
            label="Display name"
            name="displayName"
            autoComplete="off"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            errors={errors.displayName}
          />
          <TextField
            label="First password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. Give it to the person in a safe way; they can change it in their profile."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={errors.password}
          />
          <button type="submit" className="button" disabled={isLoading}>
            Create user
          </button>
        </form>
      </div>
    </Page>
  );
}
