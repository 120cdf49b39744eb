import { graphql } from '../graphql/graphql';

export const AgreementQuery = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
      id
      version
      title { th en zh }
      status
      signedOn
      expiresOn
      terminatedOn
      parties { id name { th en } }
      program { id title { th en } }
    }
  }
`);

// Every payload is the projected agreement (read-your-writes) with the same fields the page shows.
export const RecordAgreementMutation = graphql(`
  mutation RecordAgreement($input: RecordAgreementInput!) {
    recordAgreement(input: $input) {
      agreement { id version title { th en zh } status signedOn expiresOn terminatedOn parties { id name { th en } } program { id } }
      result { position projected }
    }
  }
`);

export const SignAgreementMutation = graphql(`
  mutation SignAgreement($input: SignAgreementInput!) {
    signAgreement(input: $input) {
      agreement { id version status signedOn expiresOn }
      result { position projected }
    }
  }
`);

export const AmendAgreementMutation = graphql(`
  mutation AmendAgreement($input: AmendAgreementInput!) {
    amendAgreement(input: $input) {
      agreement { id version title { th en zh } expiresOn parties { id name { th en } } }
      result { position projected }
    }
  }
`);

export const TerminateAgreementMutation = graphql(`
  mutation TerminateAgreement($input: TerminateAgreementInput!) {
    terminateAgreement(input: $input) {
      agreement { id version status terminatedOn }
      result { position projected }
    }
  }
`);
