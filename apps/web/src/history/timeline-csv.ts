import { describeTimeline, type NameOf } from './describe-event';

/** The fields of a HistoryEvent the export writes. */
export interface CsvEvent {
  position: string;
  recordedAt: string;
  occurredOn: string | null;
  actor: string;
  type: string;
  streamId: string;
  version: number;
  hash: string;
  data: unknown;
}

export const TIMELINE_CSV_COLUMNS = ['position', 'recordedAt', 'occurredOn', 'actor', 'type', 'stream', 'version', 'description', 'reason', 'hash'] as const;

/** Excel reads a UTF-8 file as the machine's code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * A program's whole timeline as CSV (RFC 4180: CRLF line ends; a field with a comma, quote or
 * line break in double quotes, its quotes doubled), UTF-8 with a BOM so Excel shows Thai. Times
 * are ISO as the API gives them (an auditor's spreadsheet sorts them); the description is the
 * English sentence of describe-event, folded over the whole timeline so corrections say "from".
 */
export function timelineCsv(events: readonly CsvEvent[], nameOf?: NameOf): string {
  const descriptions = describeTimeline(events, 'en', nameOf);
  const rows = events.map((event, index) => [
    event.position,
    event.recordedAt,
    event.occurredOn ?? '',
    event.actor,
    event.type,
    event.streamId,
    String(event.version),
    descriptions[index].text,
    descriptions[index].reason ?? '',
    event.hash,
  ]);
  return BOM + [[...TIMELINE_CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"): a leading
  // apostrophe keeps free text (a reason, a title) as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
