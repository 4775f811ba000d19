// Identifier normalization (Language Reference 2.3: "All identifiers are converted
// into the normal form NFKC while parsing; comparison of identifiers is based on
// NFKC"). The NAME token keeps the source text; the parser asks for the name here.

import type { Token } from './token.js';

/** The identifier a NAME token denotes: its text, NFKC-normalized if non-ASCII. */
export function identifierName(token: Token): string {
  return normalizeIdentifier(token.value);
}

/** NFKC of a name, without allocating for the (usual) all-ASCII case. */
export function normalizeIdentifier(name: string): string {
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) >= 128) return name.normalize('NFKC');
  }
  return name;
}
