#!/usr/bin/env bash
# Cluster-mode benchmarks: EngineBench's word count (200 MB) and sortByKey (5M pairs) on local[2]
# and on local-cluster[2,1,2048] (executors are separate JVMs), with their ratio, and the
# per-task launch overhead of empty tasks on local[2], local-cluster[2,1,2048] and
# local-cluster[1,2,1024]. Generates data on first run. JVM flags as ember-submit sets them.
# Usage: cluster_bench.sh [RUNS [PARTS]]  (timed runs per figure after one warm-up, default 3;
# PARTS: a comma list of local,cluster,tasks, all by default)
set -euo pipefail
source "$(dirname "$0")/bench_setup.sh" EngineBench.java ClusterBench.java
# The classes directory must be on -cp: local-cluster executors get the driver's java.class.path.
start=$(date +%s%N)
java -XX:+UseParallelGC -Xmx4g -cp "$jar:$classes" ClusterBench "$data/text200.txt" "$data/pairs5m.txt" "${1:-3}" "${2:-local,cluster,tasks}"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'cluster_bench.sh: ClusterBench took %d.%03d s\n' $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
