#!/usr/bin/env bash
# Transport benchmark (cluster issue): 64 MB block fetch throughput and small ask() latency over
# loopback with authentication. Needs `mvn -q -DskipTests package` (compiles test classes too).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
java -cp "$root/jvm/target/test-classes:$root/jvm/target/ember-engine-0.1.0-all.jar" io.ember.rpc.RpcBenchmark
