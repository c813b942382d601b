import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  const invalid = (errors?.length ?? 0) > 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {errors?.join(' ')}
        </p>
      ) : null}
      {children(describedBy, invalid)}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, name, hint, errors, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          type="text"
          {...input}
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

export function SelectField({ label, name, hint, errors, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select {...select} id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
