# Finds a JDK 25 or newer: $JAVA_HOME, then javac on the PATH, then /usr/lib/jvm/*.
# Sourced by ./broadsheet and bench/run; defines find_jdk, which prints the JDK's home.
required=25

# Prints the major version of the JDK at the home given, or nothing. Reads the JDK's release
# file, which every JDK has, and starts a JVM only when it is missing.
java_major() {
  local version=""
  if [ -f "$1/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n1)"
  fi
  if [ -z "$version" ]; then
    version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  fi
  echo "${version#1.}"
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in /usr/lib/jvm/*; do [ -d "$dir" ] && candidates+=("$dir"); done
  local home major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major="$(java_major "$home")"
    if [ -n "$major" ] && [ "$major" -ge "$required" ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

