import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import { formatDate } from '../registry/format';
import { InstitutionSelect } from '../registry/InstitutionSelect';
import { allRoundsQuery, existingReturnId, useCensusRoundsQuery, useStartCensusReturnMutation } from './censusApi';
import '../registry/registry.css';

/** Starts an institution's return for a round as a draft, then opens it. */
export function StartCensusReturnPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: rounds } = useCensusRoundsQuery(allRoundsQuery);
  const [start, { error, isLoading }] = useStartCensusReturnMutation();
  const [roundId, setRoundId] = useState(params.get('roundId') ?? '');
  const [institutionId, setInstitutionId] = useState(params.get('institutionId') ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...(Object.keys(clientErrors).length > 0 ? {} : problem?.fieldErrors), ...clientErrors };
  const existing = existingReturnId(error);
  // The newest round is the one usually meant.
  const chosenRound = roundId || rounds?.items[0]?.id || '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!chosenRound) found.roundId = ['Choose the census round.'];
    if (!institutionId) found.institutionId = ['Choose the institution.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await start({ roundId: chosenRound, institutionId });
    if ('data' in result && result.data) {
      await navigate(`/census/returns/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Start a census return">
      <p>
        <Link to="/census/returns">Back to the census returns</Link>
      </p>
      <p>
        The return starts as a draft with the figures from the institution's registry record; you can change them before
        submitting it.
      </p>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['roundId', 'institutionId'])} />
      )}
      {existing ? (
        <p>
          <Link to={`/census/returns/${encodeURIComponent(existing)}`}>Open the existing return</Link>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form" aria-label="Start a census return">
        <SelectField
          label="Census round"
          name="roundId"
          value={chosenRound}
          onChange={(e) => setRoundId(e.target.value)}
          errors={errors.roundId}
        >
          <option value="">Choose the census round</option>
          {rounds?.items.map((round) => (
            <option key={round.id} value={round.id}>
              {round.name} (opens {formatDate(round.opensOn)}, due {formatDate(round.deadline)})
            </option>
          ))}
        </SelectField>
        <InstitutionSelect
          label="Institution"
          name="institutionId"
          value={institutionId}
          onChange={setInstitutionId}
          emptyLabel="Choose the institution"
          status="Open"
          hint="Only open institutions make a return."
          errors={errors.institutionId}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Start the return
        </button>
      </form>
    </Page>
  );
}
