#!/usr/bin/env bash
# Runs the Python tests against the freshly built engine jar (called by `mvn verify`): the whole
# suite on the session master (local[2] unless EMBER_TEST_MASTER says otherwise), then the files
# whose tests run jobs on the session context again on local-cluster, so the same jobs also go
# through executor JVMs (task and error serialization, remote shuffle reads, executor-side
# Python workers). The second pass adds about a minute.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export EMBER_ENGINE_JAR="${EMBER_ENGINE_JAR:-$root/jvm/target/ember-engine-0.1.0-all.jar}"
export PYTHONPATH="$root/python${PYTHONPATH:+:$PYTHONPATH}"
cd "$root"
python3 -m pytest -q -p no:cacheprovider tests
CLUSTER_FILES=(test_rdd.py test_rdd_api.py test_shuffle.py test_context_api.py test_public_api.py
               test_driver_doctests.py test_bridge.py test_errors.py)
EMBER_TEST_MASTER="local-cluster[2,1,1024]" python3 -m pytest -q -p no:cacheprovider "${CLUSTER_FILES[@]/#/tests/}"
