import { parseStreamId, streamIdFor } from './tracker.streams';

describe('stream ids', () => {
  const id = '20000000-0000-4000-8000-000000000001';

  it('name a stream after its aggregate and id', () => {
    expect(streamIdFor.program(id)).toBe(`program-${id}`);
    expect(streamIdFor.followUp(id)).toBe(`follow-up-${id}`);
  });

  it.each(Object.keys(streamIdFor) as Array<keyof typeof streamIdFor>)('read back a %s stream', (aggregate) => {
    expect(parseStreamId(streamIdFor[aggregate](id))).toStrictEqual({ aggregate, id });
  });

  it('are null for streams this domain does not own', () => {
    expect(parseStreamId('projection-checkpoint')).toBeNull();
    expect(parseStreamId('program-')).toBeNull();
  });
});
