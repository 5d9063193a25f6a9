/**
 * The {@code advocacy.jar} command-line tool: the demo, NPS, attribution, scoring and journey
 * subcommands over the user's own files.
 */
@NullMarked
package io.advocacy.examples.cli;

import org.jspecify.annotations.NullMarked;
