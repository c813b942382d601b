import { useState } from 'react';

interface ConfirmButtonProps {
  /** Text of the first button, e.g. "Revoke". */
  label: string;
  /** Accessible name when the visible label alone is ambiguous, e.g. "Revoke Viewer in North District". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/** An action that takes effect only after a second, explicit confirmation, without a modal dialog. */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  danger,
  disabled,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const kind = danger ? 'button button--danger' : 'button';
  if (!asking) {
    return (
      <button
        type="button"
        className={`${kind} button--small`}
        aria-label={accessibleLabel}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className={`${kind} button--small`}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
