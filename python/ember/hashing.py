"""Ember's portable hash: the key hash that places records in shuffle partitions.

Python's built-in ``hash`` of str and bytes (and of anything built on them) is salted per
process (PYTHONHASHSEED), so two workers would send equal keys to different partitions.
Shuffles therefore use ``portable_hash``, which depends only on the key's value:

- equal keys give equal hashes in every process, whatever PYTHONHASHSEED says;
- keys that compare equal hash equal, as a dict needs: ``1 == 1.0 == True``,
  ``0 == -0.0 == False`` and ``Fraction(3, 2) == Decimal("1.5") == 1.5`` all hash alike;
- results are unsigned 64-bit ints, so ``portable_hash(k) % n`` is the partition.

Definition. ``H`` is CPython's hash of a tuple whose items are never salted (ints and
numbers, and tuples or frozensets of them), taken modulo 2**64:

=============  ====================================================================
None           a fixed constant
numbers        ``H((NUMBER, x))``: Python's numeric hash is unsalted and agrees for
               equal int, bool, float, complex, Fraction and Decimal; NaN: a constant
str            ``H((STR, crc32(utf8)))`` (lone surrogates encoded with surrogatepass)
bytes          ``H((BYTES, crc32(b)))`` (``b"a" != "a"`` in Python 3)
tuple          ``H((TUPLE, portable_hash(item1), ..., portable_hash(itemN)))``
frozenset      ``H((FROZENSET, frozenset of the items' portable hashes))``
=============  ====================================================================

(NUMBER, STR, ... are fixed tags.) Subclasses (namedtuples, IntEnums, str subclasses) hash
like their base type, as they compare equal to it. The mixing is done by CPython's C tuple
hash, which keeps this fast (a few hundred ns per key); it is the same in every process of
one CPython version on 64-bit platforms, and the worker handshake guarantees that every
worker runs the driver's Python version.

Other hashable types fall back to the built-in ``hash``, which is portable only if every
worker runs with the same PYTHONHASHSEED (so executors start Python workers with
PYTHONHASHSEED=0). Objects hashed by identity (no ``__hash__`` of their own) are refused:
equal-looking keys would land in different partitions.

The JVM never computes this hash; it only moves the (partition, batch) pairs Python made.

>>> portable_hash(1) == portable_hash(1.0) == portable_hash(True)
True
>>> portable_hash(("a", 1)) == portable_hash(("a", 1.0))
True
"""

import numbers
import zlib
from typing import Any

_M = (1 << 64) - 1
_NONE = 0x6A09E667F3BCC908
_NAN = 0x5BE0CD19137E2179
_NUMBER = 0x4E554D42
_STR = 0x53545247
_BYTES = 0x42595445
_TUPLE = 0x5455504C
_FROZENSET = 0x46525A53


def _hash_number(x: Any) -> int:
    if x != x:  # NaN: its built-in hash is by identity since Python 3.10
        return _NAN
    return hash((_NUMBER, x)) & _M


def _hash_int(x: int) -> int:  # an int is never NaN: _hash_number without the check
    return hash((_NUMBER, x)) & _M


def _hash_str(s: str, _crc32=zlib.crc32) -> int:
    return hash((_STR, _crc32(s.encode("utf-8", "surrogatepass")))) & _M


def _hash_bytes(b: bytes, _crc32=zlib.crc32) -> int:
    return hash((_BYTES, _crc32(b))) & _M


def _hash_tuple(t: tuple) -> int:
    return hash((_TUPLE, *map(portable_hash, t))) & _M


def _hash_frozenset(s: frozenset) -> int:
    return hash((_FROZENSET, frozenset(map(portable_hash, s)))) & _M


_BY_TYPE = {
    str: _hash_str,
    int: _hash_int,
    tuple: _hash_tuple,
    float: _hash_number,
    bool: _hash_int,
    bytes: _hash_bytes,
    frozenset: _hash_frozenset,
    complex: _hash_number,
}
HASH_BY_TYPE = _BY_TYPE
"""``portable_hash`` of keys of exactly these types (no subclasses), for hot loops that inline
the dispatch: ``fn = HASH_BY_TYPE.get(k.__class__)``, falling back to ``portable_hash(k)``."""
_BY_BASE = ((str, _hash_str), (tuple, _hash_tuple), (bytes, _hash_bytes),
            (frozenset, _hash_frozenset), (numbers.Number, _hash_number))


def portable_hash(key: Any) -> int:
    """Stable unsigned 64-bit hash of ``key``; see the module docstring for the definition."""
    fn = _BY_TYPE.get(key.__class__)
    if fn is not None:
        return fn(key)
    if key is None:
        return _NONE
    for base, fn in _BY_BASE:
        if isinstance(key, base):
            return fn(key)
    cls = type(key)
    if cls.__hash__ is None:
        raise TypeError("unhashable key type: %r" % cls.__name__)
    if cls.__hash__ is object.__hash__:
        raise TypeError(
            "key type %r is hashed by identity, which differs between processes; give it "
            "__eq__ and __hash__, or use keys of built-in types" % cls.__name__)
    return hash(key) & _M


def partition_of(key: Any, num_partitions: int) -> int:
    """The shuffle partition of ``key`` among ``num_partitions``."""
    return portable_hash(key) % num_partitions


__all__ = ["portable_hash", "partition_of"]
