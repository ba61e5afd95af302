/**
 * Classes that break the architecture rules on purpose, so that ArchitectureTest can show each rule
 * still sees what it forbids. Nothing runs them.
 */
package org.broadsheet.architecture;
