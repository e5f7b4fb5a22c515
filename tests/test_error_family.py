"""Engine failures reach Python as the twins of the JVM's exception family (ember.errors),
each keeping the JVM side in ``java_exception``."""

import threading
import time

import pytest

from ember.errors import (EmberError, InputPathError, JobCancelledError, JobFailedError,
                          PythonTaskError, engine_error)


def test_a_cancelled_job_raises_job_cancelled_error(sc):
    def slow(i, it):
        import time
        time.sleep(30)
        return it

    def cancel_when_running():
        deadline = time.monotonic() + 60
        while not sc.statusTracker().getActiveJobsIds() and time.monotonic() < deadline:
            time.sleep(0.05)
        sc.cancelAllJobs()

    canceller = threading.Thread(target=cancel_when_running, daemon=True)
    canceller.start()
    with pytest.raises(JobCancelledError) as info:
        sc.parallelize(range(4), 2).mapPartitionsWithIndex(slow).count()
    canceller.join()
    err = info.value
    assert isinstance(err, EmberError)
    assert err.java_exception.class_name == "io.ember.core.JobCancelledException"
    assert "JobCancelledException" in err.java_exception.stack_trace


def test_a_python_task_failure_is_a_job_failure_of_its_own_type(sc):
    with pytest.raises(ZeroDivisionError) as info:
        sc.parallelize([0], 1).map(lambda x: 1 / x).collect()
    assert isinstance(info.value, PythonTaskError) and isinstance(info.value, JobFailedError)


def test_gateway_errors_keep_the_java_side(sc, tmp_path):
    missing = str(tmp_path / "no-such-dir" / "x.txt")
    with pytest.raises(InputPathError) as info:
        sc.textFile(missing).count()
    assert info.value.java_exception is not None


def test_engine_error_maps_java_class_names():
    assert type(engine_error("io.ember.core.JobCancelledException", "Job 3 cancelled")) \
        is JobCancelledError
    assert str(engine_error("EmberException", "plain")) == "plain"
    other = engine_error("java.lang.IllegalStateException", "bad state")
    assert type(other) is EmberError and str(other) == "IllegalStateException: bad state"
