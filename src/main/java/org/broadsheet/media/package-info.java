/** Pictures: stored files with caption, credit and alt text, served with long-lived URLs. */
package org.broadsheet.media;
