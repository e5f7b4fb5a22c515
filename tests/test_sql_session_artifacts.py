"""SparkSession.addArtifacts ships files to executors; Spark Connect-only methods fail as in PySpark Classic."""
import os

import pytest

from ember.errors import PySparkRuntimeError, PySparkValueError


def test_a_python_artifact_is_importable_in_tasks(spark, tmp_path):
    mod = tmp_path / "artifact_helper_mod.py"
    mod.write_text("def triple(x):\n    return 3 * x\n")
    spark.addArtifacts(str(mod), pyfile=True)

    def use(x):
        import artifact_helper_mod
        return artifact_helper_mod.triple(x)

    assert spark.sparkContext.parallelize([1, 2], 2).map(use).collect() == [3, 6]


def test_a_file_artifact_is_readable_in_tasks(spark, tmp_path):
    data = tmp_path / "artifact_data.txt"
    data.write_text("forty-two")
    spark.addArtifact(str(data), file=True)

    def read(_):
        from ember.files import SparkFiles
        with open(SparkFiles.get("artifact_data.txt")) as f:
            return f.read()

    assert spark.sparkContext.parallelize([0], 1).map(read).collect() == ["forty-two"]


def test_one_kind_of_artifact_at_a_time(spark, tmp_path):
    with pytest.raises(PySparkValueError) as e:
        spark.addArtifacts(str(tmp_path / "x.py"), pyfile=True, file=True)
    assert e.value.getErrorClass() == "INVALID_MULTIPLE_ARGUMENT_CONDITIONS"
    assert "['pyfile', 'archive' and/or 'file'] cannot be True together" in str(e.value)


@pytest.mark.parametrize("call, feature", [
    (lambda s: s.copyFromLocalToFs("/tmp/a", "/tmp/b"), "SparkSession.copyFromLocalToFs"),
    (lambda s: s.client, "SparkSession.client"),
    (lambda s: s.registerProgressHandler(print), "SparkSession.registerProgressHandler"),
    (lambda s: s.removeProgressHandler(print), "SparkSession.removeProgressHandler"),
    (lambda s: s.clearProgressHandlers(), "SparkSession.clearProgressHandlers"),
])
def test_spark_connect_only_methods_say_so(spark, call, feature):
    with pytest.raises(PySparkRuntimeError) as e:
        call(spark)
    assert e.value.getErrorClass() == "ONLY_SUPPORTED_WITH_SPARK_CONNECT"
    assert str(e.value).startswith("[ONLY_SUPPORTED_WITH_SPARK_CONNECT] %s is only supported with Spark Connect" % feature)
