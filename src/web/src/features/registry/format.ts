const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date ("2026-01-05") as "5 Jan 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : date.format(parsed);
}

/** Today as the server writes dates (in UTC, as the server decides "today"). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const labels: Record<string, string> = {
  PrePrimary: 'Pre-primary',
  SpecialNeeds: 'Special needs',
  FaithBased: 'Faith-based',
  NonTeaching: 'Non-teaching',
  TransferredOut: 'Transferred out',
};

/** An enum name as words: "FaithBased" → "Faith-based". */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  return labels[value] ?? value;
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value ? 'Yes' : 'No';
}

/** "PRIMARY LOWERSEC" style code lists typed by a user: split on commas and spaces, upper case, no repeats. */
export function codeList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** Null for blank text, the trimmed text otherwise (optional fields are sent as null). */
export function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
}

/** A typed number: null when blank, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function statusTagClass(status: string): string {
  switch (status) {
    case 'Open':
    case 'Active':
    case 'Enrolled':
      return 'tag tag--ok';
    case 'Closed':
    case 'Withdrawn':
      return 'tag tag--off';
    default:
      return 'tag';
  }
}

/** Given and family name. */
export function personName(person: { givenName: string | null; familyName: string | null }): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}
