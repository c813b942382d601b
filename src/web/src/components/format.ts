const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export function scopeLabel(scopeKind: string, scopeName: string | null | undefined): string {
  if (scopeKind === 'Country') return scopeName ?? 'National';
  return scopeName ? `${scopeName} (${scopeKind})` : scopeKind;
}
