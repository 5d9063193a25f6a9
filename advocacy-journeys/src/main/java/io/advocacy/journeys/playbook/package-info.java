/**
 * The advocacy ladder of the playbook as ready journey definitions a host can use or copy:
 * review requests, referral invitations, testimonial, reference and case-study invitations,
 * detractor recovery, expansion to higher-impact motions, and recognition moments.
 */
@NullMarked
package io.advocacy.journeys.playbook;

import org.jspecify.annotations.NullMarked;
