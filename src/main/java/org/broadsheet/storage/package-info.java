/**
 * The database: connection pool, migrations, transactions and the change log that tells every
 * process when stored content changed. Knows no feature.
 */
package org.broadsheet.storage;
