/** Email over SMTP, off until smtp.host is set: notifications leave the site through here. */
package org.broadsheet.mail;
