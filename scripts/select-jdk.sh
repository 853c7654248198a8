# Sourced by .ci/run and ./local-run: makes JAVA_HOME point at a JDK >= 21, or stops with a reason.
# Order: the current JAVA_HOME, the java on PATH, then the Temurin 25 JDK of these machines.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
                   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
      export JAVA_HOME
      export PATH="$JAVA_HOME/bin:$PATH"
      echo "using JDK $major at $JAVA_HOME"
      return 0
    fi
  done
  echo "error: this project needs a JDK 21 or newer; none found (JAVA_HOME, java on PATH, /usr/lib/jvm/temurin-25-jdk-amd64). Install one and set JAVA_HOME." >&2
  return 1
}
