import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formatDate } from '../registry/format';
import { formProblem, inlineFields } from '../registry/formErrors';
import {
  useAddHolidayMutation,
  useDeleteHolidayMutation,
  useHolidayCalendarsQuery,
  useHolidaysQuery,
  useImportHolidaysMutation,
  useUpdateHolidayMutation,
  type Holiday,
} from './teamAdminApi';
import './cases.css';

function AddHolidayForm({ code }: { code: string }) {
  const [add, state] = useAddHolidayMutation();
  const [values, setValues] = useState({ date: '', title: '', notes: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(state.error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (problem?.fieldErrors ?? {});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) found.date = ['Enter the date.'];
    if (!values.title.trim()) found.title = ['Enter the holiday’s name.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await add({
      code,
      date: values.date,
      title: values.title.trim(),
      notes: values.notes.trim() || null,
    });
    if ('data' in result) setValues({ date: '', title: '', notes: '' });
  }

  return (
    <form onSubmit={submit} noValidate className="form panel" aria-label="Add a holiday">
      <h2>Add a holiday</h2>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['date', 'title', 'notes'])} />
      )}
      <TextField
        label="Date"
        name="date"
        type="date"
        value={values.date}
        onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
        errors={errors.date}
      />
      <TextField
        label="Name"
        name="title"
        maxLength={200}
        value={values.title}
        onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
        errors={errors.title}
      />
      <TextField
        label="Notes"
        name="notes"
        maxLength={500}
        value={values.notes}
        onChange={(e) => setValues((v) => ({ ...v, notes: e.target.value }))}
        errors={errors.notes}
      />
      <button type="submit" className="button" disabled={state.isLoading}>
        Add holiday
      </button>
    </form>
  );
}

function HolidayRow({ code, holiday, canChange }: { code: string; holiday: Holiday; canChange: boolean }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(holiday.title);
  const [notes, setNotes] = useState(holiday.notes);
  const [update, updateState] = useUpdateHolidayMutation();
  const [remove, removeState] = useDeleteHolidayMutation();
  const problem = formProblem(updateState.error);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await update({ code, date: holiday.date, title: title.trim(), notes: notes.trim() || null });
    if ('data' in result) setEditing(false);
  }

  return (
    <tr>
      <td>{formatDate(holiday.date)}</td>
      <td>
        {editing ? (
          <form onSubmit={save} noValidate aria-label={`Edit ${holiday.title}`}>
            <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['title', 'notes'])} />
            <TextField
              label="Name"
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              errors={problem?.fieldErrors?.title}
            />
            <TextField
              label="Notes"
              name="notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              errors={problem?.fieldErrors?.notes}
            />
            <button type="submit" className="button button--small" disabled={updateState.isLoading}>
              Save
            </button>
          </form>
        ) : (
          <>
            {holiday.title}
            {holiday.notes ? <span className="muted small"> — {holiday.notes}</span> : null}
          </>
        )}
      </td>
      <td>{holiday.source === 'Manual' ? 'Manual' : 'Imported'}</td>
      {canChange ? (
        <td>
          <ProblemAlert problem={toProblem(removeState.error)} />
          {editing ? null : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Edit ${holiday.title}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          )}{' '}
          <ConfirmButton
            label="Delete"
            accessibleLabel={`Delete ${holiday.title}`}
            question={`Delete ${holiday.title} (${formatDate(holiday.date)})? Deadlines will count it as a working day.`}
            confirmLabel="Delete"
            danger
            disabled={removeState.isLoading}
            onConfirm={() => void remove({ code, date: holiday.date })}
          />
        </td>
      ) : null}
    </tr>
  );
}

function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [run, state] = useImportHolidaysMutation();
  const [clientError, setClientError] = useState<string[] | undefined>();
  const problem = formProblem(state.error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setClientError(['Choose a bank-holidays.json file.']);
      return;
    }
    setClientError(undefined);
    await run(file);
  }

  return (
    <form onSubmit={submit} noValidate className="form panel" aria-label="Import bank holidays">
      <h2>Import a bank-holidays.json file</h2>
      <p className="muted small">
        The gov.uk format; each division is a calendar. Dates already there are updated, none are deleted.
      </p>
      {state.data ? (
        <StatusMessage>
          Imported: {state.data.added} added, {state.data.changed} changed, {state.data.unchanged} unchanged
          {state.data.calendarsAdded > 0 ? `, ${state.data.calendarsAdded} new calendars` : ''}.
        </StatusMessage>
      ) : null}
      {clientError ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['file'])} />}
      <TextField
        label="File"
        name="file"
        type="file"
        accept="application/json,.json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        errors={clientError ?? problem?.fieldErrors?.file}
      />
      <button type="submit" className="button" disabled={state.isLoading}>
        Import
      </button>
    </form>
  );
}

/** Holiday calendars: each calendar's holidays per year; administrators add, edit, delete manual entries and import gov.uk's file. */
export function HolidayCalendarsPage() {
  const { data: me } = useMeQuery();
  const canChange = hasPermission(me, 'teams.manage');
  const { data: calendars, error } = useHolidayCalendarsQuery();
  const [chosen, setChosen] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const code = chosen || calendars?.items[0]?.code || '';
  const holidays = useHolidaysQuery({ code, year, page }, { skip: !code });

  return (
    <Page title="Holiday calendars">
      <ProblemAlert problem={toProblem(error)} />
      <div className="form form--filters" role="search" aria-label="Choose calendar and year">
        <SelectField
          label="Calendar"
          name="calendar"
          value={code}
          onChange={(e) => {
            setChosen(e.target.value);
            setPage(1);
          }}
        >
          {(calendars?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.holidays} holidays)
            </option>
          ))}
        </SelectField>
        <TextField
          label="Year"
          name="year"
          type="number"
          min={1900}
          max={2200}
          value={year}
          onChange={(e) => {
            const next = Number(e.target.value);
            if (next >= 1900 && next <= 2200) {
              setYear(next);
              setPage(1);
            }
          }}
        />
      </div>
      <ProblemAlert problem={toProblem(holidays.error)} />
      {holidays.data ? (
        <>
          <TableWrap label={`Holidays in ${year}`} busy={holidays.isFetching}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Holiday</th>
                  <th scope="col">Source</th>
                  {canChange ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {holidays.data.items.map((h) => (
                  <HolidayRow key={`${code}-${h.date}-${h.title}`} code={code} holiday={h} canChange={canChange} />
                ))}
              </tbody>
            </table>
          </TableWrap>
          {holidays.data.items.length === 0 ? <p>No holidays in {year}.</p> : null}
          <Pagination label="Holiday pages" data={holidays.data} onPageChange={setPage} />
        </>
      ) : null}
      {canChange && code ? <AddHolidayForm code={code} /> : null}
      {canChange ? <ImportForm /> : null}
    </Page>
  );
}
