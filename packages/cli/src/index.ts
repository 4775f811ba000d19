// @pynogil/cli — the `pynogil` command as a library (for tests and embedding).
export { main } from './main.js';
