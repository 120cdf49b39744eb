import type { DigestCheck, HistoryEvent, IntegrityReport, KeptDigest } from '@tracker/audit';
import { businessDateOf, formatThaiDate } from '@tracker/domain';

export interface DateStyle {
  thai: boolean;
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * An instant as a Thai office reads it: Bangkok wall-clock time (UTC+7, no daylight saving),
 * with the offset written out so the line is unambiguous anywhere. Thai style: the day in the
 * Buddhist Era with Thai digits and the abbreviated month ("๑๗ ธ.ค. ๒๕๖๒ 09:00:00").
 */
function formatRecordedAt(at: Date, style: DateStyle): string {
  const time = new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(11, 19);
  const day = businessDateOf(at.toISOString());
  return style.thai ? `${formatThaiDate(day, { month: 'abbr' })} ${time}` : `${day} ${time} +07:00`;
}

function formatOccurredOn(day: string | null, style: DateStyle): string {
  if (day === null) return '';
  return style.thai ? formatThaiDate(day, { month: 'abbr' }) : day;
}

/** One JSON line per event: exactly the stored event, plus Thai renderings when asked. */
export function toJsonLine(event: HistoryEvent, style: DateStyle): string {
  const line: Record<string, unknown> = { ...event, recordedAt: event.recordedAt.toISOString() };
  if (style.thai) {
    line.recordedAtThai = formatRecordedAt(event.recordedAt, style);
    line.occurredOnThai = event.occurredOn === null ? null : formatOccurredOn(event.occurredOn, style);
  }
  return `${JSON.stringify(line)}\n`;
}

const CSV_COLUMNS = [
  'position',
  'recorded_at',
  'occurred_on',
  'stream_id',
  'version',
  'type',
  'schema_version',
  'actor',
  'command_id',
  'correlation_id',
  'causation_id',
  'event_id',
  'hash',
  'data',
] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export function toCsvRow(event: HistoryEvent, style: DateStyle): string {
  const cells = [
    event.position,
    style.thai ? formatRecordedAt(event.recordedAt, style) : event.recordedAt.toISOString(),
    formatOccurredOn(event.occurredOn, style),
    event.streamId,
    String(event.version),
    event.type,
    String(event.schemaVersion),
    event.actor,
    event.commandId ?? '',
    event.correlationId ?? '',
    event.causationId ?? '',
    event.eventId,
    event.hash,
    JSON.stringify(event.data),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"): a leading
  // quote keeps it text. The JSON lines export is the exact one.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const SUMMARY_WIDTH = 60;

/** The history as a text table: one line per event, columns padded to their widest cell. */
export function historyTable(events: readonly HistoryEvent[], style: DateStyle): string {
  const header = ['POSITION', 'RECORDED', 'OCCURRED', 'TYPE', 'STREAM', 'V', 'ACTOR', 'HASH', 'DATA'];
  const rows = events.map((event) => [
    event.position,
    formatRecordedAt(event.recordedAt, style),
    formatOccurredOn(event.occurredOn, style),
    event.type,
    event.streamId,
    String(event.version),
    event.actor,
    event.hash.slice(0, 12),
    summary(event.data),
  ]);
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
  return [header, ...rows].map((row) => row.map((cell, column) => pad(cell, widths[column])).join('  ').trimEnd()).join('\n') + '\n';
}

function summary(data: unknown): string {
  const text = JSON.stringify(data);
  return [...text].length > SUMMARY_WIDTH ? `${[...text].slice(0, SUMMARY_WIDTH - 1).join('')}…` : text;
}

/**
 * Display width: Thai combining vowels and tone marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E)
 * take no column of their own, so counting code points would misalign Thai cells.
 */
function width(text: string): number {
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e)) continue;
    columns += 1;
  }
  return columns;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

export function integrityText(report: IntegrityReport, what: string): string {
  const counted = `${report.streamsChecked} stream${report.streamsChecked === 1 ? '' : 's'}, ${report.eventsChecked} event${report.eventsChecked === 1 ? '' : 's'}`;
  if (report.ok) return `${what}: OK (${counted}; every hash chain recomputed and intact)\n`;
  const lines = [
    `${what}: HISTORY ALTERED: ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} (${counted})`,
    `first broken position: ${report.firstBrokenPosition ?? '(none: what is missing is an absence)'}`,
    ...report.problems.map(
      (p) => `  ${p.kind.padEnd(15)} ${p.streamId} v${p.version}${p.position === null ? '' : ` at position ${p.position}`}: ${p.detail}`,
    ),
  ];
  if (report.problemCount > report.problems.length) lines.push(`  … and ${report.problemCount - report.problems.length} more`);
  return `${lines.join('\n')}\n`;
}

export function digestText(kept: KeptDigest, check: DigestCheck): string {
  const what = `digest at position ${kept.position}`;
  if (check.matches) return `${what}: MATCHES (${check.eventsChecked} events folded; nothing up to there changed, moved or went missing)\n`;
  const where =
    check.mismatchFrom === null
      ? 'the digest has no checkpoints to say where the change begins'
      : `first position that no longer matches: ${check.mismatchFrom}`;
  return `${what}: DIGEST MISMATCH: the store no longer yields the digest kept earlier; ${where}\n`;
}

export function integrityJson(report: IntegrityReport & { digestMatches?: boolean; digestMismatchFrom?: bigint | null }): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n`;
}
