/**
 * The {@code protoshift-compat} command line ({@link dev.protoshift.compat.cli.Main}): {@code
 * check}, {@code suggest-version} and {@code rules}, with exit codes 0 (compatible), 1 (breaking
 * or a declared bump too small) and 2 (usage or input error). Packaged as the self-contained
 * {@code protoshift-compat-<version>-cli.jar}; see docs/compat.md.
 */
package dev.protoshift.compat.cli;
