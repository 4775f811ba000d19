// dump(): the text CPython 3.11's `ast.dump(node, include_attributes=...)` prints
// (Lib/ast.py, indent=None, annotate_fields=True), driven by NODE_TYPES.
// Rules of 3.11: every field is printed as `name=value`, except that an optional
// field (`?` in the ASDL) whose value is None is omitted; empty lists print as
// `[]` (3.11 does not omit them); attributes follow the fields when asked for.

import { NODE_TYPES, type Node } from './nodes.js';
import { reprConstant, reprStr } from './repr.js';

export interface DumpOptions {
  includeAttributes?: boolean;
}

const ATTRIBUTES = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'] as const;

function dumpNode(node: Node, attrs: boolean, out: string[]): void {
  const info = NODE_TYPES[node._type];
  if (info === undefined) throw new Error(`dump: unknown node type ${node._type}`);
  out.push(node._type, '(');
  let first = true;
  for (const [name, kind] of info.fields) {
    const v = node[name];
    if (v === null || v === undefined) {
      if (kind.endsWith('?')) continue;
    }
    if (!first) out.push(', ');
    first = false;
    out.push(name, '=');
    switch (kind) {
      case 'node':
      case 'node?':
        dumpNode(v as Node, attrs, out);
        break;
      case 'nodes':
      case 'nodes?': {
        const list = v as (Node | null)[];
        out.push('[');
        for (let i = 0; i < list.length; i++) {
          if (i > 0) out.push(', ');
          const item = list[i];
          if (item === null || item === undefined) out.push('None');
          else dumpNode(item, attrs, out);
        }
        out.push(']');
        break;
      }
      case 'ident':
      case 'ident?':
      case 'string?':
        out.push(reprStr(v as string));
        break;
      case 'idents':
        out.push('[', (v as string[]).map(reprStr).join(', '), ']');
        break;
      case 'const':
        out.push(reprConstant(v));
        break;
      case 'int':
      case 'int?':
        out.push(String(v));
        break;
      case 'enum':
        out.push(v as string, '()');
        break;
      case 'enums':
        out.push('[', (v as string[]).map((o) => o + '()').join(', '), ']');
        break;
    }
  }
  if (attrs && info.positions) {
    for (const a of ATTRIBUTES) {
      const v = node[a];
      if (v === null || v === undefined) continue;
      if (!first) out.push(', ');
      first = false;
      out.push(a, '=', String(v));
    }
  }
  out.push(')');
}

/** ast.dump(tree, include_attributes=opts.includeAttributes) of CPython 3.11. */
export function dump(tree: Node, opts: DumpOptions = {}): string {
  const out: string[] = [];
  dumpNode(tree, opts.includeAttributes === true, out);
  return out.join('');
}
