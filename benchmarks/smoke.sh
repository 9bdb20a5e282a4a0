#!/usr/bin/env bash
# CI smoke run: builds the benchmarks jar and runs one benchmark in quick mode, so the module cannot rot.
# It checks that the benchmarks build and run; it does not judge the numbers (see docs/benchmarks.md for those).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar 'NoopManagerBenchmark.noAdapterBound' \
    -f 1 -wi 1 -w 1s -i 2 -r 1s -foe true
