/**
 * The audit log: who did what and when, from the newsroom or the command line. Features record
 * their actions through {@link org.broadsheet.audit.AuditService}; administrators read it at
 * /newsroom/audit and with `broadsheet audit`.
 */
package org.broadsheet.audit;
