import { createHash } from 'node:crypto';

/** A short, stable digest of a string: cache keys and fingerprints, not security. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
