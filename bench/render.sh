#!/usr/bin/env bash
# Renders each pathological Markdown body of the largest accepted size (1,000,000 characters) and prints
# the milliseconds each took (best of 3 runs, wall and CPU), and whether it was rendered or refused with a 422.
# Usage: bash bench/render.sh   (from the repository root; compiles the tests first)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/render-bench.classpath
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.headline.rendering.RenderBench
