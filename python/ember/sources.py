"""SparkContext's data sources: the methods that create RDDs (mixed into SparkContext).

``parallelize`` hands the pickled slices to the engine through a private temporary file
(the parallelize file of ``ember.driver_wire``);
file sources are read by the engine (text, whole files, pickle files) or, for binary inputs,
listed here and read in tasks (``ember.inputs``).

>>> sc.parallelize(range(5), 2).glom().collect()
[[0, 1], [2, 3, 4]]
"""

import os
import pickle
import tempfile
from itertools import chain
from typing import Any, Iterable, List, Optional

from ember import driver_wire, inputs, wire
from ember.hadoop import HadoopInputs
from ember.rdd import RDD
from ember.serializers import dumps_records

__all__ = ["DataSources"]

BATCH_RECORDS = 1024


class DataSources(HadoopInputs):
    """The RDD-creating methods of ``SparkContext``."""

    def parallelize(self, c: Iterable[Any], numSlices: Optional[int] = None) -> "RDD":
        """Distributes a local collection; ``range`` objects are generated per partition.

        >>> sc.parallelize([1, 2, 3, 4], 2).glom().collect()
        [[1, 2], [3, 4]]
        """
        n = self.defaultParallelism if numSlices is None else numSlices
        if n < 1:
            raise ValueError("numSlices must be positive, got %d" % n)
        if isinstance(c, range):
            size = len(c)
            slices = [[c[i * size // n:(i + 1) * size // n]] for i in range(n)]
            jrdd = self._write_slices(slices, n)
            return RDD(jrdd, self).mapPartitions(chain.from_iterable, preservesPartitioning=True)
        data = c if isinstance(c, list) else list(c)
        size = len(data)
        slices = [data[i * size // n:(i + 1) * size // n] for i in range(n)]
        return RDD(self._write_slices(slices, n), self)

    def _write_slices(self, slices: List[list], n: int):
        fd, path = tempfile.mkstemp(prefix="ember-parallelize-")   # mode 0600
        try:
            with os.fdopen(fd, "wb", buffering=1 << 16) as f:
                for i, s in enumerate(slices):
                    for start in range(0, len(s), BATCH_RECORDS):
                        data = dumps_records(s[start:start + BATCH_RECORDS], wire.PICKLE_PROTOCOL)
                        driver_wire.write_parallelize_batch(f, i, data)
            return self.engine.parallelize_file(path, n)
        except BaseException:
            if os.path.exists(path):
                os.unlink(path)
            raise

    def range(self, start: int, end: Optional[int] = None, step: int = 1,
              numSlices: Optional[int] = None) -> "RDD":
        """Like Python's ``range``, as an RDD.

        >>> sc.range(1, 10, 3).collect()
        [1, 4, 7]
        """
        if end is None:
            start, end = 0, start
        return self.parallelize(range(start, end, step), numSlices)

    def emptyRDD(self) -> "RDD":
        """An RDD with no partitions."""
        return RDD(self.engine.empty_rdd(), self)

    def textFile(self, name: str, minPartitions: Optional[int] = None,
                 use_unicode: bool = True) -> "RDD":
        """The lines of text files (a file, directory, glob or comma-separated list), as str.

        >>> path = os.path.join(tempfile.mkdtemp(), "lines.txt")
        >>> _ = open(path, "w").write("one\\ntwo\\n")
        >>> sc.textFile(path).collect()
        ['one', 'two']
        """
        jrdd = self.engine.text_file(name, minPartitions or self.defaultMinPartitions)
        return RDD(jrdd, self, wire.MODE_UTF8_STRINGS)

    def wholeTextFiles(self, path: str, minPartitions: Optional[int] = None,
                       use_unicode: bool = True) -> "RDD":
        """One ``(file URI, content)`` pair per file."""
        jrdd = self.engine.whole_text_files(path, minPartitions or self.defaultMinPartitions)
        return RDD(jrdd, self)

    def binaryFiles(self, path: str, minPartitions: Optional[int] = None) -> "RDD":
        """One ``(file URI, bytes)`` pair per file (files are listed when this is called).

        >>> d = tempfile.mkdtemp()
        >>> _ = open(os.path.join(d, "x.bin"), "wb").write(b"\\x00\\x01")
        >>> [(os.path.basename(k), v) for k, v in sc.binaryFiles(d).collect()]
        [('x.bin', b'\\x00\\x01')]
        """
        files = inputs.list_input_files(path)
        n = max(1, min(len(files), minPartitions or self.defaultMinPartitions))
        return self.parallelize(files, n).map(inputs.read_whole_file)

    def binaryRecords(self, path: str, recordLength: int) -> "RDD":
        """The files' bytes cut into records of ``recordLength`` bytes.

        >>> d = tempfile.mkdtemp()
        >>> _ = open(os.path.join(d, "r.bin"), "wb").write(b"aabbcc")
        >>> sc.binaryRecords(d, 2).collect()
        [b'aa', b'bb', b'cc']
        """
        splits = inputs.record_splits(inputs.list_input_files(path), recordLength,
                                      self.defaultMinPartitions)
        return self.parallelize(splits, max(1, len(splits))).flatMap(
            lambda split: (r for part in split for r in inputs.read_records(part, recordLength)))

    def pickleFile(self, name: str, minPartitions: Optional[int] = None) -> "RDD":
        """Reads what ``RDD.saveAsPickleFile`` wrote."""
        return RDD(self.engine.pickle_file(name), self)

    def union(self, rdds: List[Any]) -> "RDD":
        """The elements of all ``rdds`` in order.

        >>> sc.union([sc.parallelize([1]), sc.parallelize([2, 3])]).collect()
        [1, 2, 3]
        """
        if not rdds:
            return self.emptyRDD()
        jrdds = [r._pickled_jrdd() if len({x._jrdd_mode for x in rdds}) > 1 else r._jrdd
                 for r in rdds]
        mode = rdds[0]._jrdd_mode if len({x._jrdd_mode for x in rdds}) == 1 \
            else wire.MODE_PICKLED_BATCHES
        return RDD(self.engine.union(jrdds), self, mode)
