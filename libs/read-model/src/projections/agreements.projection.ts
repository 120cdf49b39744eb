import type { Projection } from '../projection';
import { alreadyApplied, stamp } from '../projection';

export type AgreementRow = {
  id: string;
  title: Record<string, string>;
  party_ids: string[];
  program_id: string | null;
  status: string;
  signed_on: string | null;
  expires_on: string | null;
  terminated_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

export const agreementsProjection: Projection = {
  name: 'agreements',
  tables: [{ name: 'agreements', key: 'id' }],
  keysOf(event) {
    switch (event.type) {
      case 'AgreementRecorded':
      case 'AgreementSigned':
      case 'AgreementAmended':
      case 'AgreementTerminated':
        return [{ table: 'agreements', id: event.data.agreementId }];
      default:
        return [];
    }
  },
  apply(event, rows) {
    if (
      event.type !== 'AgreementRecorded' &&
      event.type !== 'AgreementSigned' &&
      event.type !== 'AgreementAmended' &&
      event.type !== 'AgreementTerminated'
    ) {
      return;
    }
    const row = rows.get<AgreementRow>('agreements', event.data.agreementId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'AgreementRecorded') {
      const { agreementId, title, partyIds, programId, status, signedOn, expiresOn } = event.data;
      rows.put('agreements', {
        id: agreementId,
        title,
        party_ids: partyIds,
        program_id: programId,
        status,
        signed_on: signedOn,
        expires_on: expiresOn,
        terminated_on: null,
        ...stamp(event),
      });
      return;
    }
    if (!row) return;
    switch (event.type) {
      case 'AgreementSigned': {
        const { signedOn, expiresOn } = event.data;
        rows.put('agreements', { ...row, status: 'SIGNED', signed_on: signedOn, expires_on: expiresOn, ...stamp(event, row.created_at) });
        return;
      }
      case 'AgreementAmended': {
        const { title, partyIds, expiresOn } = event.data;
        rows.put('agreements', { ...row, title, party_ids: partyIds, expires_on: expiresOn, ...stamp(event, row.created_at) });
        return;
      }
      case 'AgreementTerminated':
        rows.put('agreements', { ...row, status: 'TERMINATED', terminated_on: event.data.terminatedOn, ...stamp(event, row.created_at) });
        return;
    }
  },
};
