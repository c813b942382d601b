import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formProblem, inlineFields } from './formErrors';
import { blankToNull, formatDate, label, personName, yesNo } from './format';
import { InstitutionSelect } from './InstitutionSelect';
import { InstitutionLink } from './Names';
import { DateField } from './RegistryFields';
import { useStaffMemberQuery, useTransferStaffMemberMutation, type StaffDetail } from './staffApi';
import { useLevelsQuery } from './structureApi';
import './registry.css';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TransferForm({ member, onDone }: { member: StaffDetail; onDone: (message: string) => void }) {
  const { data: levels } = useLevelsQuery();
  const [transfer, { isLoading, error, reset }] = useTransferStaffMemberMutation();
  const [institutionId, setInstitutionId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [position, setPosition] = useState('');
  const [teachingLevel, setTeachingLevel] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const found: Record<string, string[]> = {};
    if (!institutionId) found.institutionId = ['Choose the institution.'];
    if (!startsOn) found.startsOn = ['Enter the date the new posting starts.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await transfer({
      id: member.id,
      institutionId,
      startsOn,
      position: blankToNull(position),
      teachingLevel: blankToNull(teachingLevel),
      version: member.version,
    });
    if ('data' in result) onDone(`${personName(member)} has been transferred.`);
  }

  return (
    <section aria-labelledby="transfer-heading" className="panel">
      <h2 id="transfer-heading">Transfer to another institution</h2>
      <p className="hint">The current posting ends the day before the new one starts; the history is kept.</p>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert
          problem={problem}
          shownFields={inlineFields(problem, ['institutionId', 'startsOn', 'position', 'teachingLevel'])}
        />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby="transfer-heading">
        <InstitutionSelect
          label="New institution"
          name="institutionId"
          value={institutionId}
          onChange={setInstitutionId}
          emptyLabel="Choose the institution"
          status="Open"
          exclude={member.institutionId}
          errors={errors.institutionId}
        />
        <DateField
          label="New posting starts on"
          name="startsOn"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          errors={errors.startsOn}
        />
        <TextField
          label="Position (optional)"
          name="position"
          hint="Leave empty to keep the current position."
          autoComplete="off"
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          errors={errors.position}
        />
        <SelectField
          label="Level taught (optional)"
          name="teachingLevel"
          hint="Leave empty to keep the current level."
          value={teachingLevel}
          onChange={(e) => setTeachingLevel(e.target.value)}
          errors={errors.teachingLevel}
        >
          <option value="">Unchanged</option>
          {levels?.map((level) => (
            <option key={level.id} value={level.code}>
              {level.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={isLoading}>
          Transfer staff member
        </button>
      </form>
    </section>
  );
}

export function StaffDetailPage() {
  const { id = '' } = useParams();
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'staff.manage');
  const { data: member, error, isLoading } = useStaffMemberQuery(id);
  const { data: levels } = useLevelsQuery();
  const [message, setMessage] = useState<string | null>(null);
  const levelName = (code: string) => levels?.find((l) => l.code === code)?.name ?? code;

  return (
    <Page title={member ? personName(member) : isLoading ? 'Staff member' : 'Staff member not found'}>
      <p>
        <Link to="/registry/staff">Back to staff</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {member ? (
        <>
          {canManage ? (
            <p>
              <Link className="button" to={`/registry/staff/${encodeURIComponent(member.id)}/edit`}>
                Edit details
              </Link>
            </p>
          ) : null}
          <section aria-labelledby="member-heading" className="panel">
            <h2 id="member-heading">Staff member</h2>
            <dl className="summary">
              <Row term="Staff number">{member.staffNumber}</Row>
              <Row term="Category">{label(member.category)}</Row>
              <Row term="Sex">{member.sex}</Row>
              <Row term="Date of birth">{formatDate(member.dateOfBirth)}</Row>
              <Row term="Phone">{member.phone ?? '—'}</Row>
              <Row term="Email address">{member.email ?? '—'}</Row>
              <Row term="Institution">
                <InstitutionLink id={member.institutionId} />
              </Row>
              <Row term="Qualified for the level taught">
                {member.qualifiedForLevelTaught === null ? 'Not applicable' : yesNo(member.qualifiedForLevelTaught)}
              </Row>
            </dl>
          </section>

          <section aria-labelledby="qualifications-heading" className="panel">
            <h2 id="qualifications-heading">Qualifications</h2>
            {member.qualifications.length === 0 ? (
              <p>No qualification recorded.</p>
            ) : (
              <TableWrap label="Qualifications table">
                <table>
                  <caption className="visually-hidden">Qualifications of {personName(member)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Qualification</th>
                      <th scope="col">Year</th>
                      <th scope="col">Levels it qualifies to teach</th>
                    </tr>
                  </thead>
                  <tbody>
                    {member.qualifications.map((q, index) => (
                      <tr key={index}>
                        <td>{q.name}</td>
                        <td>{q.year ?? '—'}</td>
                        <td>{q.levels.length > 0 ? q.levels.map(levelName).join(', ') : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>

          <section aria-labelledby="postings-heading" className="panel">
            <h2 id="postings-heading">Postings</h2>
            <TableWrap label="Postings table">
              <table>
                <caption className="visually-hidden">Postings of {personName(member)}, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Institution</th>
                    <th scope="col">Position</th>
                    <th scope="col">Level taught</th>
                    <th scope="col">From</th>
                    <th scope="col">Until</th>
                  </tr>
                </thead>
                <tbody>
                  {member.postings.map((posting) => (
                    <tr key={posting.id}>
                      <td>
                        <Link to={`/registry/institutions/${encodeURIComponent(posting.institutionId)}`}>
                          {posting.institutionName || 'Institution'}
                        </Link>
                      </td>
                      <td>{posting.position}</td>
                      <td>{posting.teachingLevel ? levelName(posting.teachingLevel) : '—'}</td>
                      <td className="nowrap">{formatDate(posting.startsOn)}</td>
                      <td className="nowrap">{posting.endsOn ? formatDate(posting.endsOn) : 'Current'}</td>
                    </tr>
                  ))}
                  {member.postings.length === 0 ? (
                    <tr>
                      <td colSpan={5}>No posting recorded.</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </TableWrap>
          </section>

          {canManage ? <TransferForm key={member.version} member={member} onDone={setMessage} /> : null}
        </>
      ) : null}
    </Page>
  );
}
