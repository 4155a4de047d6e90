// The numeric-claim verifier, run on every answer and report: each number in a text must match a Fact, a
// number in the evidence, or a simple derivation of relevant evidence numbers. See verify.ts.
export { extractClaims, parseCell } from './extract.ts';
export { prepareEvidence, stripUnsupported, verifyText, type Verifier } from './verify.ts';
export type {
  Claim,
  ClaimResult,
  ClaimSupport,
  ClaimUnitKind,
  EntityNames,
  Evidence,
  EvidenceTable,
  EvidenceTableObject,
  StatementResult,
  VerificationResult,
  VerifyOptions,
} from './types.ts';
