/**
 * Salesforce record IDs: a 15-character case-sensitive ID and its 18-character form (the 15 plus a
 * 3-character suffix that encodes which of the 15 are upper case) name the same record.
 */
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

/** The 3-character case suffix of a 15-character ID. */
export function caseSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return suffix;
}

/**
 * The canonical 18-character form of a 15- or 18-character ID, or null when the text is not an ID.
 * An 18-character ID compares case-insensitively, so its first 15 characters take the case that
 * its suffix encodes.
 */
export function canonicalSalesforceId(text: string): string | null {
  const id = text.trim();
  if (!ID_PATTERN.test(id)) return null;
  if (id.length === 15) return id + caseSuffix(id);
  const suffix = id.slice(15).toUpperCase();
  let first = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX_CHARS.indexOf(suffix[block]!);
    for (let i = 0; i < 5; i++) {
      const ch = id[block * 5 + i]!;
      first += bits & (1 << i) ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  // A letter marked upper case must be a letter; a digit stays a digit either way.
  if (caseSuffix(first) !== suffix) return null;
  return first + suffix;
}
