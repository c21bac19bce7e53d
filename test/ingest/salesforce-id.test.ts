import { describe, expect, it } from 'vitest';
import { canonicalSalesforceId, caseSuffix } from '../../src/ingest/salesforce-id.ts';

describe('canonicalSalesforceId', () => {
  it('adds the case suffix to a 15-character ID', () => {
    // Known pair from Salesforce documentation examples.
    expect(canonicalSalesforceId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });
  it('gives the same key for the 15-character ID, its 18-character form and a case-changed 18', () => {
    const key = canonicalSalesforceId('001A0000006Vm9r');
    expect(canonicalSalesforceId('001A0000006Vm9rIAC')).toBe(key);
    expect(canonicalSalesforceId('001a0000006vm9riac')).toBe(key);
    expect(canonicalSalesforceId(' 001A0000006VM9RIAC ')).toBe(key);
  });
  it('keeps two 15-character IDs that differ only in case apart', () => {
    expect(canonicalSalesforceId('001A0000006Vm9r')).not.toBe(canonicalSalesforceId('001A0000006VM9R'));
  });
  it('rejects text that is not an ID', () => {
    expect(canonicalSalesforceId('')).toBeNull();
    expect(canonicalSalesforceId('001A0000006Vm9')).toBeNull();
    expect(canonicalSalesforceId('001A0000006Vm9r-AC')).toBeNull();
    expect(canonicalSalesforceId('001A0000006Vm9rIA9')).toBeNull();
  });
  it('caseSuffix encodes upper-case positions in blocks of five', () => {
    expect(caseSuffix('aaaaaaaaaaaaaaa')).toBe('AAA');
    expect(caseSuffix('AAAAAAAAAAAAAAA')).toBe('555');
  });
});
