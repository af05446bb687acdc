#!/usr/bin/env bash
# Packs the service for a fast start (issue #13): the jar with its Spring AOT code, extracted, plus a
# class-data-sharing archive (AppCDS) made by a training run of that same AOT start.
#   scripts/pack.sh [DIR]            (default target/app)
#   java -XX:SharedArchiveFile=target/app/app.jsa -Dspring.aot.enabled=true -jar target/app/iop-scheduler-1.0.0-SNAPSHOT.jar
# PACK_AOT=0 packs the CDS archive of the ordinary (reflective) start instead: run it without -Dspring.aot.enabled.
# Same code, same settings, same checks at start (Flyway validation, the audit log, security, page sessions):
#   - Spring AOT (built by ./mvnw -Paot package, here when the jar lacks it) worked the bean graph out at build
#     time and wrote it as code, so the start skips scanning, configuration parsing and reflection;
#   - the CDS archive maps the classes the last start loaded instead of finding, reading and verifying them
#     again out of the jars.
# Rebuild after every build: the JVM ignores an archive whose jars changed (it says so and starts slowly).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/app}
aot=${PACK_AOT:-1}
name=iop-scheduler-1.0.0-SNAPSHOT
jar=target/$name.jar
aot_class=BOOT-INF/classes/org/iopscheduler/IopSchedulerApplication__ApplicationContextInitializer.class
has_aot() { [ -f "$jar" ] && unzip -l "$jar" "$aot_class" >/dev/null 2>&1; }
if [ ! -f "$jar" ] || { [ "$aot" = 1 ] && ! has_aot; }; then
  ./mvnw -B -q -Paot -DskipTests package
fi
flags=()
[ "$aot" = 1 ] && flags=(-Dspring.aot.enabled=true)
rm -rf "$dir" "$dir-training"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
# the training run starts against a throwaway H2 file and stops once the context is refreshed
SPRING_DATASOURCE_URL="jdbc:h2:file:$PWD/$dir-training/iop" \
  java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh "${flags[@]}" \
  -jar "$dir/$name.jar" --server.port=0 >"$dir-training.log" 2>&1
rm -rf "$dir-training"
[ -f "$dir/app.jsa" ] || { echo "no archive written; see $dir-training.log" >&2; exit 1; }
echo "$dir ready: java -XX:SharedArchiveFile=$dir/app.jsa ${flags[*]} -jar $dir/$name.jar"
