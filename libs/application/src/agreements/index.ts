import { RecordAgreementHandler } from './record-agreement';

export * from './record-agreement';
export const AgreementHandlers = [RecordAgreementHandler];
