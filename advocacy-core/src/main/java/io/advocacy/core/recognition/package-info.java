/**
 * Recognition: points for acts of advocacy on a configurable schedule, recognition levels,
 * badges, a leaderboard over a period, and flags for top advocates to invite further — the
 * playbook's Reward step for non-monetary recognition.
 */
@NullMarked
package io.advocacy.core.recognition;

import org.jspecify.annotations.NullMarked;
