import { MemoryRowStore } from './row-store';

describe('MemoryRowStore', () => {
  const store = () => new MemoryRowStore([{ name: 'programs', key: 'id' }, { name: 'program_events', key: null }]);

  it('keeps one row for the same insert twice, as PostgreSQL does (on conflict do nothing)', () => {
    const rows = store();
    rows.insert('program_events', { program_id: 'p', position: '3' });
    rows.insert('program_events', { program_id: 'p', position: '3' });
    rows.insert('program_events', { program_id: 'p', position: '4' });
    expect(rows.rows('program_events')).toEqual([
      { program_id: 'p', position: '3' },
      { program_id: 'p', position: '4' },
    ]);
  });

  it('replaces a keyed row, and refuses put on an insert-only table', () => {
    const rows = store();
    rows.put('programs', { id: 'p', title: 'old' });
    rows.put('programs', { id: 'p', title: 'new' });
    expect(rows.rows('programs')).toEqual([{ id: 'p', title: 'new' }]);
    expect(() => rows.put('program_events', { program_id: 'p' })).toThrow('program_events is insert-only');
  });
});
