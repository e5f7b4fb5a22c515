"""Driver-side listing of input files, and the task functions reading binary inputs.

``binaryFiles`` and ``binaryRecords`` list their files on the driver (paths may be files,
directories, globs, or comma-separated lists of those, as for ``textFile``) and read the bytes
in tasks. Hidden files (``.name``, ``_name``) inside directories are skipped, as Hadoop does.
Workers run ``read_whole_file`` and ``read_records``, so this module imports no py4j.

>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> for name in ("a.bin", "b.bin", "_SUCCESS"):
...     with open(os.path.join(d, name), "wb") as f:
...         _ = f.write(b"12345678")
>>> [os.path.basename(p) for p in list_input_files(d)]
['a.bin', 'b.bin']
>>> [[(os.path.basename(p), start, end) for p, start, end in split]
...  for split in record_splits(list_input_files(d), 4, 4)]
[[('a.bin', 0, 4)], [('a.bin', 4, 8)], [('b.bin', 0, 4)], [('b.bin', 4, 8)]]
>>> list(read_records(record_splits(list_input_files(d), 4, 1)[0][0], 4))
[b'1234', b'5678']
"""

import glob
import os
from typing import Iterator, List, Tuple

from ember.errors import InputPathError

__all__ = ["InputPathError", "list_input_files", "record_splits", "read_whole_file",
           "read_records", "file_uri"]

Split = Tuple[str, int, int]


def _strip_scheme(path: str) -> str:
    return path[len("file:"):] if path.startswith("file:") else path


def file_uri(path: str) -> str:
    """The ``file:`` URI Ember uses as a file's key (as ``wholeTextFiles`` does)."""
    return "file:" + os.path.abspath(path)


def list_input_files(paths: str) -> List[str]:
    """The files named by ``paths``; raises InputPathError naming a path that matched nothing."""
    files: List[str] = []
    for entry in paths.split(","):
        entry = _strip_scheme(entry.strip())
        matches = sorted(glob.glob(entry)) if glob.has_magic(entry) else \
            ([entry] if os.path.exists(entry) else [])
        if not matches:
            raise InputPathError("Input path does not exist: %s" % entry)
        for m in matches:
            if os.path.isdir(m):
                files.extend(os.path.join(m, f) for f in sorted(os.listdir(m))
                             if not f.startswith((".", "_"))
                             and os.path.isfile(os.path.join(m, f)))
            else:
                files.append(m)
    return files


def record_splits(files: List[str], record_length: int, num_splits: int) -> List[List[Split]]:
    """Cuts the files into about ``num_splits`` groups of whole records (path, start, end).

    A file whose size is not a multiple of ``record_length`` is refused."""
    if record_length <= 0:
        raise ValueError("recordLength must be positive, got %d" % record_length)
    sizes = []
    for f in files:
        size = os.path.getsize(f)
        if size % record_length:
            raise ValueError("%s has %d bytes, not a multiple of the record length %d"
                             % (f, size, record_length))
        sizes.append(size)
    total_records = sum(sizes) // record_length
    per_split = max(1, -(-total_records // max(1, num_splits)))
    splits: List[List[Split]] = []
    current: List[Split] = []
    room = per_split
    for f, size in zip(files, sizes):
        pos = 0
        while pos < size:
            take = min(room, (size - pos) // record_length)
            current.append((f, pos, pos + take * record_length))
            pos += take * record_length
            room -= take
            if room == 0:
                splits.append(current)
                current, room = [], per_split
    if current:
        splits.append(current)
    return splits


def read_whole_file(path: str) -> Tuple[str, bytes]:
    with open(path, "rb") as f:
        return file_uri(path), f.read()


def read_records(split: Split, record_length: int) -> Iterator[bytes]:
    path, start, end = split
    with open(path, "rb") as f:
        f.seek(start)
        for _ in range((end - start) // record_length):
            yield f.read(record_length)
