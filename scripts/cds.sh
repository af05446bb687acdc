#!/usr/bin/env bash
# Kept for the commands that knew it: packs the service for a fast start, now Spring AOT plus the CDS archive
# (scripts/pack.sh says how). Start with
#   java -XX:SharedArchiveFile=target/app/app.jsa -Dspring.aot.enabled=true -jar target/app/iop-scheduler-1.0.0-SNAPSHOT.jar
exec "$(dirname "$0")/pack.sh" "$@"
