package org.broadsheet.web;

/**
 * How the web layer keeps up with changes committed elsewhere: {@link #behind} is a cheap check
 * made on every request; {@link #catchUp} reads the changes (it may query the database).
 */
public interface Freshness {
  boolean behind();

  void catchUp();

  Freshness ALWAYS_FRESH =
      new Freshness() {
        @Override
        public boolean behind() {
          return false;
        }

        @Override
        public void catchUp() {}
      };
}
