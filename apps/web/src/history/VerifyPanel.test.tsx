import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { parseKeptDigest, VerifyPanel } from './VerifyPanel';

const report = (over: Record<string, unknown> = {}) => ({
  verifyHistory: {
    ok: true,
    eventsChecked: 42,
    streamsChecked: 9,
    firstBrokenPosition: null,
    problemCount: 0,
    digestMatches: null,
    digestMismatchFrom: null,
    problems: [],
    ...over,
  },
});
const broken = report({
  ok: false,
  firstBrokenPosition: '17',
  problemCount: 1,
  problems: [{ kind: 'HASH_MISMATCH', streamId: 'outcome-x1', version: 2, position: '17', detail: 'stored hash differs from the recomputed one' }],
});
const auditor = fakeViewer(['Query.verifyHistory', 'Query.historyDigest'], ['AUDITOR']);
const render = (answer: unknown, language: 'en' | 'th' = 'en') => renderScreen(<VerifyPanel programId="p1" />, { api: fakeApi({ VerifyHistory: answer }), viewer: auditor, language });

describe('verifying the history', () => {
  it('says plainly that nothing was altered, counting events and streams of the program', async () => {
    const { api } = render(report());
    await userEvent.click(screen.getByRole('button', { name: 'Verify this program' }));
    expect(await screen.findByRole('status')).toHaveTextContent('42 events in 9 streams of this program verified: nothing was altered.');
    expect(api.sent.at(-1)).toEqual({ name: 'VerifyHistory', variables: { programId: 'p1' } });
  });

  it('verifies the whole store without a program id', async () => {
    const { api } = render(report());
    await userEvent.click(screen.getByRole('button', { name: 'Verify the whole store' }));
    expect(await screen.findByRole('status')).toHaveTextContent('42 events in 9 streams of the whole store verified: nothing was altered.');
    expect(api.sent.at(-1)?.variables).toEqual({});
  });

  it('says where the chain breaks, as an alert, with the problem', async () => {
    render(broken);
    await userEvent.click(screen.getByRole('button', { name: 'Verify this program' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The history was altered: the chain breaks at position 17.');
    expect(alert).toHaveTextContent('HASH_MISMATCH · outcome-x1 v2 @ 17: stored hash differs from the recomputed one');
  });

  it('says the same in Thai', async () => {
    render(broken, 'th');
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจสอบโครงการนี้' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ประวัติถูกแก้ไข: ห่วงโซ่ขาดที่ตำแหน่ง 17');
  });

  it('checks a pasted digest against the store: still yields it', async () => {
    const { api } = render(report({ digestMatches: true }));
    fireEvent.change(screen.getByLabelText('Or paste the digest JSON'), { target: { value: JSON.stringify({ algorithm: 'sha256-chain-v1', digest: 'abc', position: '40', eventCount: 40, checkpoints: [{ position: '20', digest: 'def' }] }) } });
    await userEvent.click(screen.getByRole('button', { name: 'Verify against this digest' }));
    expect(await screen.findByRole('status')).toHaveTextContent('The store still yields this digest: nothing up to position 40 was changed, moved or removed.');
    expect(api.sent.at(-1)?.variables).toEqual({ against: { algorithm: 'sha256-chain-v1', digest: 'abc', position: '40', checkpoints: [{ position: '20', digest: 'def' }] } });
  });

  it('checks a kept digest: changed from a position', async () => {
    render(report({ ok: false, digestMatches: false, digestMismatchFrom: '21' }));
    fireEvent.change(screen.getByLabelText('Or paste the digest JSON'), { target: { value: '{"digest":"abc","position":"40"}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Verify against this digest' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The store no longer yields this digest: changed from position 21.');
  });

  it('refuses text that is not a digest, at the field', async () => {
    const { api } = render(report());
    fireEvent.change(screen.getByLabelText('Or paste the digest JSON'), { target: { value: '{"hello":1}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Verify against this digest' }));
    expect(screen.getByText('This is not a digest taken here: it needs "digest" and "position".')).toBeInTheDocument();
    expect(api.sent).toEqual([]);
  });

  it('reads a digest file as saved, numbers or strings', () => {
    expect(parseKeptDigest('{"digest":"d","position":12}')).toEqual({ digest: 'd', position: '12', algorithm: null, checkpoints: [] });
    expect(parseKeptDigest('not json')).toBeNull();
  });
});
