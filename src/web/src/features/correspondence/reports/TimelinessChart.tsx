import type { Rag, TimelinessLine } from './reportsApi';

/** The colour of a timeliness rating: red under 85 %, amber under 90 %. */
export const ragColours: Record<Rag, string> = {
  red: '#b10e1e',
  amber: '#b25e00',
  green: '#00703c',
  none: '#6f777b',
};

export interface MonthPoint {
  month: string;
  inTime: number;
  late: number;
  percent: number | null;
  rag: Rag;
}

/** Percentage in time to one decimal, rounded towards zero as the server does; null when nothing was answered. */
export function percentInTime(inTime: number, late: number): number | null {
  const answered = inTime + late;
  return answered === 0 ? null : Math.trunc((inTime * 1000) / answered) / 10;
}

export function ragOf(percent: number | null): Rag {
  if (percent === null) return 'none';
  if (percent < 85) return 'red';
  if (percent < 90) return 'amber';
  return 'green';
}

/** The report's lines summed per month (over types and units), oldest first. */
export function byMonth(lines: TimelinessLine[]): MonthPoint[] {
  const months = new Map<string, { inTime: number; late: number }>();
  for (const line of lines) {
    const sum = months.get(line.month) ?? { inTime: 0, late: 0 };
    sum.inTime += line.inTime;
    sum.late += line.late;
    months.set(line.month, sum);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, { inTime, late }]) => {
      const percent = percentInTime(inTime, late);
      return { month, inTime, late, percent, rag: ragOf(percent) };
    });
}

const barWidth = 28;
const gap = 8;
const height = 160;

/** A bar per month: the percentage answered in time, coloured by its rating, with the 85 % and 90 % lines. */
export function TimelinessChart({ points }: { points: MonthPoint[] }) {
  if (points.length === 0) return null;
  const width = points.length * (barWidth + gap) + gap;
  const y = (percent: number) => height - (percent / 100) * height;
  return (
    <figure className="report-chart">
      <svg
        role="img"
        aria-label="Percentage answered in time by month"
        width={width}
        height={height + 24}
        viewBox={`0 0 ${width} ${height + 24}`}
      >
        {[85, 90].map((line) => (
          <line key={line} x1={0} x2={width} y1={y(line)} y2={y(line)} stroke="#b1b4b6" strokeDasharray="4 3" />
        ))}
        {points.map((point, i) => {
          const percent = point.percent ?? 0;
          const x = gap + i * (barWidth + gap);
          return (
            <g key={point.month} data-testid={`bar-${point.month}`} data-rag={point.rag}>
              <rect x={x} y={y(percent)} width={barWidth} height={height - y(percent)} fill={ragColours[point.rag]}>
                <title>{`${point.month}: ${point.percent === null ? 'nothing answered' : `${point.percent}% in time`} (${point.inTime} in time, ${point.late} late)`}</title>
              </rect>
              <text x={x + barWidth / 2} y={height + 16} fontSize={9} textAnchor="middle">
                {point.month.slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">Dashed lines: 85 % (red below) and 90 % (amber below).</figcaption>
    </figure>
  );
}
