"""PySpark's Hadoop-format readers and writers, which Ember does not support.

They exist so that a PySpark program calling them fails with an error naming the operation
and the supported alternatives, instead of an AttributeError.

>>> try:
...     sc.parallelize([(1, 2)]).saveAsSequenceFile("/tmp/out")
... except NotImplementedError as e:
...     print(e)  # doctest: +NORMALIZE_WHITESPACE
saveAsSequenceFile is not supported by Ember (Hadoop input and output formats are not available);
use saveAsPickleFile or saveAsTextFile
"""

from typing import Any, NoReturn

__all__ = ["HadoopOutputs", "HadoopInputs"]


def _unsupported(name: str, alternatives: str) -> NoReturn:
    raise NotImplementedError("%s is not supported by Ember (Hadoop input and output formats "
                              "are not available); use %s" % (name, alternatives))


_WRITE_INSTEAD = "saveAsPickleFile or saveAsTextFile"
_READ_INSTEAD = "pickleFile, textFile, wholeTextFiles, binaryFiles or binaryRecords"


class HadoopOutputs:
    """RDD's Hadoop-format writers (mixed into RDD): each raises NotImplementedError."""

    def saveAsSequenceFile(self, path: str, compressionCodecClass: Any = None) -> None:
        _unsupported("saveAsSequenceFile", _WRITE_INSTEAD)

    def saveAsHadoopFile(self, path: str, outputFormatClass: str, *args: Any,
                         **kwargs: Any) -> None:
        _unsupported("saveAsHadoopFile", _WRITE_INSTEAD)

    def saveAsNewAPIHadoopFile(self, path: str, outputFormatClass: str, *args: Any,
                               **kwargs: Any) -> None:
        _unsupported("saveAsNewAPIHadoopFile", _WRITE_INSTEAD)

    def saveAsHadoopDataset(self, conf: dict, *args: Any, **kwargs: Any) -> None:
        _unsupported("saveAsHadoopDataset", _WRITE_INSTEAD)

    def saveAsNewAPIHadoopDataset(self, conf: dict, *args: Any, **kwargs: Any) -> None:
        _unsupported("saveAsNewAPIHadoopDataset", _WRITE_INSTEAD)


class HadoopInputs:
    """SparkContext's Hadoop-format readers (mixed into it): each raises NotImplementedError."""

    def sequenceFile(self, path: str, *args: Any, **kwargs: Any) -> Any:
        _unsupported("sequenceFile", _READ_INSTEAD)

    def hadoopFile(self, path: str, inputFormatClass: str, *args: Any, **kwargs: Any) -> Any:
        _unsupported("hadoopFile", _READ_INSTEAD)

    def newAPIHadoopFile(self, path: str, inputFormatClass: str, *args: Any, **kwargs: Any) -> Any:
        _unsupported("newAPIHadoopFile", _READ_INSTEAD)

    def hadoopRDD(self, inputFormatClass: str, *args: Any, **kwargs: Any) -> Any:
        _unsupported("hadoopRDD", _READ_INSTEAD)

    def newAPIHadoopRDD(self, inputFormatClass: str, *args: Any, **kwargs: Any) -> Any:
        _unsupported("newAPIHadoopRDD", _READ_INSTEAD)
