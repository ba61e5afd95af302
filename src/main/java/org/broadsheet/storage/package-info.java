/**
 * The database: connection pool, migrations, transactions and the change log that tells every
 * process when stored content changed. Knows no feature. Services open a {@link
 * org.broadsheet.storage.Transaction} and pass it to their stores; stores never open their own
 * (docs/architecture.md).
 */
package org.broadsheet.storage;
