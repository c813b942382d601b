import { useId } from 'react';
import { TableWrap } from '../../components/TableWrap';
import { useLevelsQuery } from '../registry/structureApi';
import { returnStatusTagClass, type CensusCount, type CensusFinding, type CensusReturnStatus } from './censusApi';
import './census.css';

export function ReturnStatusTag({ status }: { status: CensusReturnStatus }) {
  return <span className={returnStatusTagClass(status)}>{status}</span>;
}

function FindingItem({ finding }: { finding: CensusFinding }) {
  const blocker = finding.severity === 'Blocker';
  return (
    <li className={blocker ? 'finding--blocker' : 'finding--warning'}>
      {finding.message}
      {finding.subjects.length > 0 ? (
        <span className="finding__subjects small muted">Records concerned: {finding.subjects.join(', ')}</span>
      ) : null}
    </li>
  );
}

/**
 * Data-quality findings grouped as blockers (which stop a submission) and warnings (which go to
 * the reviewer with it), each group under its own heading.
 */
export function FindingsList({
  findings,
  headingLevel = 3,
  emptyText = 'No problems were found.',
}: {
  findings: CensusFinding[];
  headingLevel?: 3 | 4;
  emptyText?: string;
}) {
  const id = useId();
  const blockers = findings.filter((f) => f.severity === 'Blocker');
  const warnings = findings.filter((f) => f.severity !== 'Blocker');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  if (findings.length === 0) return <p>{emptyText}</p>;
  return (
    <div className="findings">
      {blockers.length > 0 ? (
        <section aria-labelledby={`${id}-blockers`}>
          <Heading id={`${id}-blockers`}>Blockers ({blockers.length}): fix these before submitting</Heading>
          <ul aria-labelledby={`${id}-blockers`}>
            {blockers.map((f) => (
              <FindingItem key={`${f.check}:${f.message}`} finding={f} />
            ))}
          </ul>
        </section>
      ) : null}
      {warnings.length > 0 ? (
        <section aria-labelledby={`${id}-warnings`}>
          <Heading id={`${id}-warnings`}>Warnings ({warnings.length}): check these; the reviewer sees them</Heading>
          <ul aria-labelledby={`${id}-warnings`}>
            {warnings.map((f) => (
              <FindingItem key={`${f.check}:${f.message}`} finding={f} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

const measureLabels: Record<string, string> = {
  teachers: 'Teachers',
  'non-teaching': 'Non-teaching staff',
};

/** The counts derived from the registry: enrolment by grade, sex and age; staff by category and sex. */
export function CountsTables({ counts, caption }: { counts: CensusCount[]; caption: string }) {
  const { data: levels } = useLevelsQuery();
  const gradeName = (code: string | null) => {
    if (!code) return 'Unknown grade';
    for (const level of levels ?? []) {
      const grade = level.grades.find((g) => g.code === code);
      if (grade) return `${grade.name} (${level.name})`;
    }
    return code;
  };
  const enrolment = counts.filter((c) => c.measure === 'enrolment');
  const staff = counts.filter((c) => c.measure !== 'enrolment');
  const total = enrolment.reduce((sum, c) => sum + c.value, 0);
  return (
    <>
      <TableWrap label={`${caption}: enrolment`}>
        <table>
          <caption>
            {caption}: enrolment by grade, sex and age ({total} {total === 1 ? 'learner' : 'learners'})
          </caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Sex</th>
              <th scope="col">Age</th>
              <th scope="col">Learners</th>
              <th scope="col">Repeaters</th>
            </tr>
          </thead>
          <tbody>
            {enrolment.map((c) => (
              <tr key={`${c.gradeCode}-${c.sex}-${c.age}`}>
                <td>{gradeName(c.gradeCode)}</td>
                <td>{c.sex}</td>
                <td className="numeric">{c.age ?? '—'}</td>
                <td className="numeric">{c.value}</td>
                <td className="numeric">{c.repeaters}</td>
              </tr>
            ))}
            {enrolment.length === 0 ? (
              <tr>
                <td colSpan={5}>No learners are counted.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={`${caption}: staff`}>
        <table>
          <caption>{caption}: staff by category and sex</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Sex</th>
              <th scope="col">People</th>
              <th scope="col">Qualified for the level taught</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((c) => (
              <tr key={`${c.measure}-${c.sex}`}>
                <td>{measureLabels[c.measure] ?? c.measure}</td>
                <td>{c.sex}</td>
                <td className="numeric">{c.value}</td>
                <td className="numeric">{c.measure === 'teachers' ? c.qualified : '—'}</td>
              </tr>
            ))}
            {staff.length === 0 ? (
              <tr>
                <td colSpan={4}>No staff are counted.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
