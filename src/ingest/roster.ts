/**
 * The roster as later files see it: a person named by email or by full name, case-insensitively.
 */
import { foldKey } from './values.ts';

/** Resolves the person columns of every file after csms.csv (CSM, Author, Owner, Email). */
export class Roster {
  /** Each email to the roster's own string, which every row that names the person shares. */
  private readonly emails = new Map<string, string>();
  private readonly names = new Map<string, string | null>();

  /** Builds the lookup from the accepted roster rows. */
  constructor(people: readonly { name: string; email: string }[]) {
    for (const p of people) {
      this.emails.set(p.email, p.email);
      const key = foldKey(p.name);
      // Two people with the same name: a name alone cannot tell them apart.
      this.names.set(key, this.names.has(key) ? null : p.email);
    }
  }

  /** Whether a lower-case email is a roster person's. */
  has(email: string): boolean {
    return this.emails.has(email);
  }

  /** The roster email a cell names (an email or a full name), or null when it names nobody. */
  resolve(text: string): string | null {
    const key = foldKey(text);
    if (key === '') return null;
    if (key.includes('@')) return this.emails.get(key) ?? null;
    return this.names.get(key) ?? null;
  }
}
