import { describe, expect, it } from 'vitest';
import { csvField, timelineCsv, type CsvEvent } from './timeline-csv';

const event = (position: string, type: string, data: Record<string, unknown>, extra: Partial<CsvEvent> = {}): CsvEvent => ({
  position,
  recordedAt: '2019-12-16T03:00:00.000Z',
  occurredOn: null,
  actor: 'demo-planner',
  type,
  streamId: 'outcome-x1',
  version: 1,
  hash: 'ab12',
  data,
  ...extra,
});

const recorded = event('7', 'OutcomeRecorded', { outcomeId: 'x1', programId: 'p1', activityId: null, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: null }, { occurredOn: '2019-12-16' });
const corrected = event('9', 'OutcomeCorrected', { outcomeId: 'x1', programId: 'p1', amount: '10250000.00', currency: 'THB', quantity: null, description: null, reason: 'Two "late" invoices,\nfrom ลาซาด้า' }, { version: 2 });

describe('the timeline as CSV', () => {
  const csv = timelineCsv([recorded, corrected]);

  it('starts with a UTF-8 byte-order mark so Excel shows Thai, then the header', () => {
    expect(csv.startsWith('\uFEFFposition,recordedAt,occurredOn,actor,type,stream,version,description,reason,hash\r\n')).toBe(true);
  });

  it('writes one CRLF-ended row per event, the English description folded over the timeline', () => {
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toBe('7,2019-12-16T03:00:00.000Z,2019-12-16,demo-planner,OutcomeRecorded,outcome-x1,1,"Revenue recorded: THB 10,000,000.00",,ab12');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes a field with a comma, doubles its quotes and keeps a line break inside the quotes (RFC 4180)', () => {
    expect(csv).toContain(',"Revenue corrected: amount from THB 10,000,000.00 to THB 10,250,000.00","Two ""late"" invoices,\nfrom ลาซาด้า",ab12\r\n');
  });

  it('leaves plain fields and Thai text unquoted', () => {
    expect(csvField('ลาซาด้า')).toBe('ลาซาด้า');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('keeps a cell that starts like a formula as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5')).toBe("'-5");
  });
});
