/**
 * The end-to-end demo: a seeded sample population run through the {@code AdvocacyEngine} with
 * the ready-made playbook, summarised on the terminal and in the HTML report.
 */
@NullMarked
package io.advocacy.examples.demo;

import org.jspecify.annotations.NullMarked;
