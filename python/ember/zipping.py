"""RDD.zip's two halves: chunking each side so the JVM can pair chunks by position, and
pairing a chunk's records on the Python side (PySpark's batch-wise zip and its errors).

Workers run ``zip_chunks``, so this module imports no py4j.

>>> left, right = pickle.dumps([1, 2]), pickle.dumps(["a", "b"])
>>> list(zip_chunks((left, right)))
[(1, 'a'), (2, 'b')]
"""

import itertools
import pickle
from typing import Any, Iterable, Iterator, Tuple

from ember import wire

__all__ = ["ZIP_CHUNK", "pickled_chunks", "zip_chunks"]

ZIP_CHUNK = 100
"""Records per chunk that zip pairs in the JVM (PySpark's batch size for zip)."""


def chunk_partition(it: Iterable[Any]) -> Iterator[bytes]:
    """A partition's records as pickled chunks of ZIP_CHUNK consecutive records."""
    it = iter(it)
    while True:
        part = list(itertools.islice(it, ZIP_CHUNK))
        if not part:
            return
        yield pickle.dumps(part, wire.PICKLE_PROTOCOL)


def pickled_chunks(rdd):
    """A JVM RDD whose records are ``rdd``'s records in pickled chunks (bytes), so the JVM
    can pair chunks one by one (see PythonBridge.zip)."""
    return rdd.mapPartitions(chunk_partition)._pickled_jrdd()


def zip_chunks(pair: Tuple[bytes, bytes]) -> Iterator[Tuple[Any, Any]]:
    """The records of two chunks paired; unequal chunks fail as in PySpark."""
    left, right = pickle.loads(bytes(pair[0])), pickle.loads(bytes(pair[1]))
    if len(left) != len(right):
        raise ValueError("Can not deserialize PairRDD with different number of items in "
                         "batches: (%d, %d)" % (len(left), len(right)))
    return zip(left, right)
