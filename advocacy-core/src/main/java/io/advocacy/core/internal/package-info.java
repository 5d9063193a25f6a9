/** Implementation details of advocacy-core; not API, may change without notice. */
@NullMarked
package io.advocacy.core.internal;

import org.jspecify.annotations.NullMarked;
