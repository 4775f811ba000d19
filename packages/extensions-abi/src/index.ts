// @pynogil/extensions-abi — public entry point. See README.md of this package.
export const PACKAGE_NAME = '@pynogil/extensions-abi';
