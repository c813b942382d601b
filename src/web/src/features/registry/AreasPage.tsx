import { useId, useState, type FormEvent } from 'react';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { hasPermission, useMeQuery } from '../auth/authApi';
import {
  maxPageSize,
  subtreeIds,
  useAllAreasQuery,
  useAreaListQuery,
  useCreateAreaMutation,
  useMoveAreaMutation,
  useUpdateAreaMutation,
  type RegistryArea,
} from './areasApi';
import { AreaSelect } from './AreaSelect';
import { formProblem, inlineFields } from './formErrors';
import './registry.css';

interface AreaFormProps {
  heading: string;
  submitLabel: string;
  initial?: { code: string; name: string };
  busy: boolean;
  problem: ReturnType<typeof formProblem>;
  onSubmit: (values: { code: string; name: string }) => Promise<boolean>;
  onCancel?: () => void;
}

/** Code and name of an area, used to add one and to rename one. */
function AreaForm({ heading, submitLabel, initial, busy, problem, onSubmit, onCancel }: AreaFormProps) {
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const errors = { ...problem?.fieldErrors, ...clientErrors };
  const headingId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!code.trim()) found.code = ['Enter a code.'];
    if (!name.trim()) found.name = ['Enter a name.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    if ((await onSubmit({ code: code.trim(), name: name.trim() })) && !initial) {
      setCode('');
      setName('');
    }
  }

  return (
    <div className="registry-tree__form">
      <h2 id={headingId}>{heading}</h2>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['code', 'name'])} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby={headingId}>
        <TextField
          label="Code"
          name="code"
          hint="Letters, digits, dots, dashes and underscores; stored in capitals."
          spellCheck={false}
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          errors={errors.code}
        />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.name}
        />
        <div className="registry-actions">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** The AreaSelect value that stands for "no parent". */
const toTheTop = 'top';

/** Moves an area, with everything below it, under another parent (or to the top), once confirmed. */
function MoveAreaForm({
  area,
  onMoved,
  onCancel,
}: {
  area: RegistryArea;
  onMoved: (message: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const { data } = useAllAreasQuery();
  const [move, { error, isLoading }] = useMoveAreaMutation();
  const [target, setTarget] = useState('');
  const [clientErrors, setClientErrors] = useState<string[] | undefined>();
  const problem = formProblem(error);
  const areas = data?.items ?? [];
  const nameOf = (id: string | null) =>
    id === null ? 'the top level' : (areas.find((a) => a.id === id)?.name ?? 'an area you cannot see');
  const targetId = target === toTheTop ? null : target;

  async function run() {
    if (!target) {
      setClientErrors(['Choose where to move the area.']);
      return;
    }
    setClientErrors(undefined);
    const result = await move({ id: area.id, parentId: targetId, version: area.version });
    if ('data' in result) onMoved(`${area.name} moved to ${nameOf(targetId)}.`);
  }

  return (
    <div className="registry-tree__form">
      <h2 id={headingId}>Move {area.name}</h2>
      <p>
        It is now in {nameOf(area.parentId)}. The areas, institutions and records below it move with it, and the access
        of everyone who works in it follows.
      </p>
      {clientErrors ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['parentId'])} />}
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby={headingId}>
        <AreaSelect
          label="New parent area"
          name="parentId"
          value={target}
          onChange={(value) => {
            setTarget(value);
            setClientErrors(undefined);
          }}
          emptyLabel="Choose an area"
          topOption={{ value: toTheTop, label: 'The top level (no parent)' }}
          exclude={subtreeIds(areas, area.id)}
          errors={clientErrors ?? problem?.fieldErrors.parentId}
        />
        <div className="registry-actions">
          <ConfirmButton
            label="Move area"
            question={
              target ? `Move ${area.name} and everything below it to ${nameOf(targetId)}?` : `Move ${area.name}?`
            }
            confirmLabel="Yes, move"
            disabled={isLoading}
            onConfirm={() => void run()}
          />
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

interface TreeProps {
  canManage: boolean;
  /** Reports a move at the page level: the moved area leaves the branch it was shown in. */
  onMoved: (message: string) => void;
}

function AreaChildren({ parent, canManage, onMoved }: { parent: RegistryArea } & TreeProps) {
  const { data, error, isLoading } = useAreaListQuery({ parentId: parent.id, page: 1, pageSize: maxPageSize });
  if (isLoading) return <p className="hint">Loading areas in {parent.name}…</p>;
  if (error) return <ProblemAlert problem={toProblem(error)} />;
  if (!data || data.items.length === 0) return <p className="hint">There are no areas in {parent.name}.</p>;
  return (
    <ul aria-label={`Areas in ${parent.name}`}>
      {data.items.map((area) => (
        <AreaNode key={area.id} area={area} canManage={canManage} onMoved={onMoved} />
      ))}
      {data.total > data.items.length ? (
        <li className="hint">
          Only the first {data.items.length} of {data.total} are shown.
        </li>
      ) : null}
    </ul>
  );
}

function AreaNode({ area, canManage, onMoved }: { area: RegistryArea } & TreeProps) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<'rename' | 'add' | 'move' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [update, updateState] = useUpdateAreaMutation();
  const [create, createState] = useCreateAreaMutation();
  const childrenId = `area-children-${area.id}`;

  async function rename(values: { code: string; name: string }) {
    setMessage(null);
    const result = await update({ id: area.id, version: area.version, ...values });
    if ('error' in result) return false;
    setEditing(null);
    setMessage(`Saved: ${result.data.name} (${result.data.code}).`);
    return true;
  }

  async function addChild(values: { code: string; name: string }) {
    setMessage(null);
    const result = await create({ ...values, parentId: area.id });
    if ('error' in result) return false;
    setOpen(true);
    setMessage(`${result.data.name} added to ${area.name}.`);
    return true;
  }

  return (
    <li>
      <div className="registry-tree__row">
        <button
          type="button"
          className="registry-tree__toggle"
          aria-expanded={open}
          aria-controls={open ? childrenId : undefined}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>
          {area.name}
        </button>
        <span className="muted small">{area.code}</span>
        {canManage ? (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Rename ${area.name}`}
              aria-expanded={editing === 'rename'}
              onClick={() => {
                updateState.reset();
                setEditing(editing === 'rename' ? null : 'rename');
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Add an area in ${area.name}`}
              aria-expanded={editing === 'add'}
              onClick={() => {
                createState.reset();
                setEditing(editing === 'add' ? null : 'add');
              }}
            >
              Add area
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Move ${area.name}`}
              aria-expanded={editing === 'move'}
              onClick={() => {
                setMessage(null);
                setEditing(editing === 'move' ? null : 'move');
              }}
            >
              Move
            </button>
          </>
        ) : null}
      </div>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {editing === 'rename' ? (
        <AreaForm
          heading={`Rename ${area.name}`}
          submitLabel="Save area"
          initial={{ code: area.code, name: area.name }}
          busy={updateState.isLoading}
          problem={formProblem(updateState.error)}
          onSubmit={rename}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing === 'add' ? (
        <AreaForm
          heading={`Add an area in ${area.name}`}
          submitLabel="Add area"
          busy={createState.isLoading}
          problem={formProblem(createState.error)}
          onSubmit={addChild}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing === 'move' ? (
        <MoveAreaForm
          area={area}
          onMoved={(text) => {
            setEditing(null);
            onMoved(text);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {open ? (
        <div id={childrenId}>
          <AreaChildren parent={area} canManage={canManage} onMoved={onMoved} />
        </div>
      ) : null}
    </li>
  );
}

function TopLevelAreaForm() {
  const [create, { isLoading, error }] = useCreateAreaMutation();
  const [message, setMessage] = useState<string | null>(null);
  async function add(values: { code: string; name: string }) {
    setMessage(null);
    const result = await create({ ...values, parentId: null });
    if ('error' in result) return false;
    setMessage(`${result.data.name} added.`);
    return true;
  }
  return (
    <details>
      <summary>Add a top-level area</summary>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <AreaForm
        heading="Add a top-level area"
        submitLabel="Add area"
        busy={isLoading}
        problem={formProblem(error)}
        onSubmit={add}
      />
    </details>
  );
}

export function AreasPage() {
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'areas.manage');
  // The server has no "top-level only" filter: the highest areas the caller may see are those
  // whose parent is not among them (the list is ordered by level, so parents come first).
  const { data, error, isLoading } = useAllAreasQuery();
  const items = data?.items ?? [];
  const ids = new Set(items.map((a) => a.id));
  const roots = items.filter((a) => a.parentId === null || !ids.has(a.parentId));
  const [moved, setMoved] = useState<string | null>(null);

  return (
    <Page title="Areas">
      <p>The administrative areas, from the country down to districts. Open an area to see the areas in it.</p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {moved ? <StatusMessage>{moved}</StatusMessage> : null}
      {data && roots.length === 0 ? <p>You cannot see any area.</p> : null}
      {roots.length > 0 ? (
        <ul className="registry-tree" aria-label="Areas">
          {roots.map((area) => (
            <AreaNode key={area.id} area={area} canManage={canManage} onMoved={setMoved} />
          ))}
        </ul>
      ) : null}
      {canManage ? <TopLevelAreaForm /> : null}
    </Page>
  );
}
