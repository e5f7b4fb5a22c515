"""Ember's portable hash: the key hash that places records in shuffle partitions.

Python's built-in ``hash`` of str, bytes and most other types is salted per process
(PYTHONHASHSEED), so two workers would send equal keys to different partitions. Shuffles
therefore use ``portable_hash``, which depends only on the key's value:

- the same value gives the same hash in every process, run, machine and Python version;
- keys that compare equal hash equal, as a dict needs: ``1 == 1.0 == True`` and
  ``0 == -0.0 == False`` all hash alike (an integral float hashes as the int it equals);
- results are unsigned 64-bit ints, so ``portable_hash(k) % n`` is the partition.

Definition (all arithmetic mod 2**64; ``mix`` is the splitmix64 finaliser):

=============  ====================================================================
None           a fixed constant
bool, int      ``mix(x)`` when ``-2**63 <= x < 2**63``; larger ints fold their
               64-bit little-endian limbs, least significant first, into ``mix``
float          integral: as the int; NaN: a constant; otherwise ``mix`` of the IEEE-754
               bits xor a float tag
complex        imag == 0: as the real part; otherwise real and imag combined with a tag
str            ``mix(crc32(utf8) | len(utf8) << 32)`` xor a str tag (lone surrogates
               encoded with surrogatepass)
bytes          as str, with a bytes tag (``b"a" != "a"`` in Python 3)
tuple          ordered fold of element hashes, starting from the length
frozenset      sum of mixed element hashes, plus the length (order-independent)
=============  ====================================================================

Other numbers (Fraction, Decimal) hash as the int or float they equal, else by Python's
numeric hash, which is not salted. Other hashable types fall back to the built-in ``hash``, which is only portable if every
worker runs with the same PYTHONHASHSEED (Ember starts its workers with PYTHONHASHSEED=0).
Objects hashed by identity (no ``__hash__`` of their own) are refused: equal-looking keys
would land in different partitions.

The JVM never computes this hash; it only moves the (partition, batch) pairs Python made.

>>> portable_hash(1) == portable_hash(1.0) == portable_hash(True)
True
>>> portable_hash(("a", 1)) % 4 == portable_hash(("a", 1.0)) % 4
True
"""

import numbers
import struct
import zlib
from typing import Any

_M = (1 << 64) - 1
_NONE = 0x6A09E667F3BCC908
_FLOAT_TAG = 0xBB67AE8584CAA73B
_COMPLEX_TAG = 0x3C6EF372FE94F82B
_STR_TAG = 0xA54FF53A5F1D36F1
_BYTES_TAG = 0x510E527FADE682D1
_TUPLE_SEED = 0x9B05688C2B3E6C1F
_FROZENSET_TAG = 0x1F83D9ABFB41BD6B
_NAN = 0x5BE0CD19137E2179
_PRIME = 0x100000001B3
_DOUBLE = struct.Struct("<d")
_UINT64 = struct.Struct("<Q")


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M
    return z ^ (z >> 31)


def _hash_int(x: int) -> int:
    if -0x8000000000000000 <= x < 0x8000000000000000:
        return _mix(x & _M)
    h = 0 if x >= 0 else _M
    n = abs(x)
    while n:
        h = _mix((h ^ (n & _M)) & _M)
        n >>= 64
    return h


def _hash_float(x: float) -> int:
    if x.is_integer():
        return _hash_int(int(x))
    if x != x:
        return _NAN
    return _mix(_UINT64.unpack(_DOUBLE.pack(x))[0]) ^ _FLOAT_TAG


def _hash_complex(x: complex) -> int:
    if x.imag == 0:
        return _hash_float(x.real)
    return _mix((_hash_float(x.real) * _PRIME + _hash_float(x.imag)) & _M) ^ _COMPLEX_TAG


def _hash_str(s: str) -> int:
    b = s.encode("utf-8", "surrogatepass")
    return _mix(zlib.crc32(b) | (len(b) & 0xFFFFFFFF) << 32) ^ _STR_TAG


def _hash_bytes(b: bytes) -> int:
    return _mix(zlib.crc32(b) | (len(b) & 0xFFFFFFFF) << 32) ^ _BYTES_TAG


def _hash_tuple(t: tuple) -> int:
    h = _TUPLE_SEED ^ len(t)
    for item in t:
        h = _mix((h * _PRIME + portable_hash(item)) & _M)
    return h


def _hash_frozenset(s: frozenset) -> int:
    total = len(s)
    for item in s:
        total += _mix(portable_hash(item) ^ _FROZENSET_TAG)
    return _mix(total & _M)


def _hash_other_number(x: Any) -> int:
    # Fraction, Decimal, ...: hash as the int or float they equal, so equal keys agree.
    try:
        i = int(x)
        if i == x:
            return _hash_int(i)
        f = float(x)
        if f == x:
            return _hash_float(f)
    except (ValueError, OverflowError, TypeError):
        pass
    return hash(x) & _M  # Python's numeric hash is not salted


_BY_TYPE = {
    str: _hash_str,
    int: _hash_int,
    bool: _hash_int,
    float: _hash_float,
    tuple: _hash_tuple,
    bytes: _hash_bytes,
    frozenset: _hash_frozenset,
    complex: _hash_complex,
}
# Checked in this order for subclasses (bool before int is not needed: bool is exact above).
_BY_BASE = ((str, _hash_str), (int, _hash_int), (float, _hash_float), (tuple, _hash_tuple),
            (bytes, _hash_bytes), (frozenset, _hash_frozenset), (complex, _hash_complex))


def portable_hash(key: Any) -> int:
    """Stable unsigned 64-bit hash of ``key``; see the module docstring for the definition."""
    if key is None:
        return _NONE
    fn = _BY_TYPE.get(key.__class__)
    if fn is not None:
        return fn(key)
    for base, fn in _BY_BASE:
        if isinstance(key, base):
            return fn(key)
    if isinstance(key, numbers.Number):
        return _hash_other_number(key)
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
