#!/usr/bin/env bash
# Packs the service for a fast start: the jar extracted to target/app plus a class-data-sharing
# archive (AppCDS) made by a training run that stops once the context is refreshed. Start with
#   java -XX:SharedArchiveFile=target/app/app.jsa -jar target/app/iop-scheduler-1.0.0-SNAPSHOT.jar
# Same code, same settings; the JVM maps the classes it loaded last time instead of loading them
# again, which takes about 40% off the start (docs/performance.md). Rebuild after every build.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/iop-scheduler-1.0.0-SNAPSHOT.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
rm -rf target/app target/cds-training
java -Djarmode=tools -jar "$jar" extract --destination target/app >/dev/null
# the training run needs a database to start against: a throwaway H2 file
SPRING_DATASOURCE_URL="jdbc:h2:file:$PWD/target/cds-training/iop" \
  java -XX:ArchiveClassesAtExit=target/app/app.jsa -Dspring.context.exit=onRefresh \
  -jar target/app/iop-scheduler-1.0.0-SNAPSHOT.jar --server.port=0 >target/cds-training.log 2>&1
rm -rf target/cds-training
echo "target/app ready: java -XX:SharedArchiveFile=target/app/app.jsa -jar target/app/iop-scheduler-1.0.0-SNAPSHOT.jar"
