#!/usr/bin/env bash
# Runs the Python tests against the freshly built engine jar (called by `mvn verify`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export EMBER_ENGINE_JAR="${EMBER_ENGINE_JAR:-$root/jvm/target/ember-engine-0.1.0-all.jar}"
export PYTHONPATH="$root/python${PYTHONPATH:+:$PYTHONPATH}"
cd "$root"
python3 -m pytest -q -p no:cacheprovider tests
