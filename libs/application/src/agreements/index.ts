import { AmendAgreementHandler } from './amend-agreement';
import { RecordAgreementHandler } from './record-agreement';
import { SignAgreementHandler } from './sign-agreement';
import { TerminateAgreementHandler } from './terminate-agreement';

export * from './amend-agreement';
export * from './record-agreement';
export * from './sign-agreement';
export * from './terminate-agreement';
export const AgreementHandlers = [RecordAgreementHandler, SignAgreementHandler, AmendAgreementHandler, TerminateAgreementHandler];
