import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import './registry.css';

function describe(id: string, hint: ReactNode, errors: string[] | undefined) {
  const invalid = (errors?.length ?? 0) > 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  return { invalid, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function HintAndError({
  hintId,
  errorId,
  hint,
  errors,
}: {
  hintId?: string;
  errorId?: string;
  hint: ReactNode;
  errors?: string[];
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {errors?.join(' ')}
        </p>
      ) : null}
    </>
  );
}

type InputFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

/** A labelled date input (type="date"), with its hint and error tied to it like TextField. */
export function DateField({ label, name, hint, errors, className, ...input }: InputFieldProps) {
  const id = useId();
  const { invalid, hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError hintId={hintId} errorId={errorId} hint={hint} errors={errors} />
      <input
        {...input}
        type="date"
        id={id}
        name={name}
        className={['registry-input', className].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** A labelled number typed as text (so that any keyboard can enter it, and blank stays blank). */
export function NumberField({ label, name, hint, errors, className, ...input }: InputFieldProps) {
  const id = useId();
  const { invalid, hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError hintId={hintId} errorId={errorId} hint={hint} errors={errors} />
      <input
        inputMode="decimal"
        autoComplete="off"
        {...input}
        type="text"
        id={id}
        name={name}
        className={['registry-input registry-input--number', className].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

export function TextAreaField({ label, name, hint, errors, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const { invalid, hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError hintId={hintId} errorId={errorId} hint={hint} errors={errors} />
      <textarea
        rows={3}
        {...textarea}
        id={id}
        name={name}
        className="registry-textarea"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'> & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

export function CheckboxField({ label, name, hint, errors, ...input }: CheckboxFieldProps) {
  const id = useId();
  const { invalid, hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      {errorId ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {errors?.join(' ')}
        </p>
      ) : null}
      <div className="registry-checkbox">
        <input
          {...input}
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface CheckboxGroupProps {
  legend: string;
  name: string;
  options: { value: string; label: ReactNode }[];
  values: string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  errors?: string[];
}

/** A fieldset of checkboxes for a multiple choice (levels offered, levels a qualification covers). */
export function CheckboxGroup({ legend, name, options, values, onChange, hint, errors }: CheckboxGroupProps) {
  const id = useId();
  const { invalid, hintId, errorId, describedBy } = describe(id, hint, errors);
  function toggle(value: string, checked: boolean) {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    // Keep the order of the options, not the order of the clicks.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }
  return (
    <fieldset className={invalid ? 'fieldset field--error' : 'fieldset'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <HintAndError hintId={hintId} errorId={errorId} hint={hint} errors={errors} />
      {options.map((option) => (
        <div className="registry-checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={values.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
