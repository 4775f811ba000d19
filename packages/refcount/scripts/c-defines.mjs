#!/usr/bin/env node
// Prints the object-header layout of @pynogil/refcount (src/layout.ts) as C
// #defines, for the extension ABI's Python.h. Run after a build:
//   node packages/refcount/scripts/c-defines.mjs > pynogil_header.h
import { cDefines } from '@pynogil/refcount';

process.stdout.write(cDefines());
