/** The recovery codes, shown once: each can be used a single time instead of an authenticator code. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <ol className="recovery-codes" aria-label="Recovery codes" data-testid="recovery-codes">
      {codes.map((code) => (
        <li key={code}>
          <code>{code}</code>
        </li>
      ))}
    </ol>
  );
}
