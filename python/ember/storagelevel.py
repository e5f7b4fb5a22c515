"""Storage levels for RDD.persist, named as in PySpark."""


class StorageLevel:
    """Where and how cached partitions are kept (Python data is always stored serialized).

    >>> StorageLevel.MEMORY_AND_DISK
    StorageLevel(True, True, False, False, 1)
    >>> str(StorageLevel.DISK_ONLY_2)
    'Disk Serialized 2x Replicated'
    """

    def __init__(self, useDisk: bool, useMemory: bool, useOffHeap: bool, deserialized: bool,
                 replication: int = 1, name: str = ""):
        self.useDisk = useDisk
        self.useMemory = useMemory
        self.useOffHeap = useOffHeap
        self.deserialized = deserialized
        self.replication = replication
        self._name = name

    def __repr__(self) -> str:
        return "StorageLevel(%s, %s, %s, %s, %s)" % (self.useDisk, self.useMemory,
                                                     self.useOffHeap, self.deserialized,
                                                     self.replication)

    def __str__(self) -> str:
        """PySpark's rendering, e.g. "Disk Memory Serialized 1x Replicated"."""
        return "%s%s%s%s%dx Replicated" % (
            "Disk " if self.useDisk else "", "Memory " if self.useMemory else "",
            "OffHeap " if self.useOffHeap else "",
            "Deserialized " if self.deserialized else "Serialized ", self.replication)

    def __eq__(self, other) -> bool:
        return isinstance(other, StorageLevel) and repr(self) == repr(other)

    def __hash__(self) -> int:
        return hash(repr(self))


for _name, _args in {
    "NONE": (False, False, False, False, 1),
    "DISK_ONLY": (True, False, False, False, 1),
    "DISK_ONLY_2": (True, False, False, False, 2),
    "DISK_ONLY_3": (True, False, False, False, 3),
    "MEMORY_ONLY": (False, True, False, False, 1),
    "MEMORY_ONLY_2": (False, True, False, False, 2),
    "MEMORY_AND_DISK": (True, True, False, False, 1),
    "MEMORY_AND_DISK_2": (True, True, False, False, 2),
    "MEMORY_AND_DISK_DESER": (True, True, False, True, 1),
    "OFF_HEAP": (True, True, True, False, 1),
}.items():
    setattr(StorageLevel, _name, StorageLevel(*_args, name=_name))

_JVM_NAMES = {"MEMORY_AND_DISK_DESER": "MEMORY_AND_DISK", "OFF_HEAP": "MEMORY_AND_DISK"}


def jvm_name(level: StorageLevel) -> str:
    """The engine's name for ``level`` (Python data is stored as pickled batches)."""
    for name in ("NONE", "DISK_ONLY", "DISK_ONLY_2", "DISK_ONLY_3", "MEMORY_ONLY",
                 "MEMORY_ONLY_2", "MEMORY_AND_DISK", "MEMORY_AND_DISK_2",
                 "MEMORY_AND_DISK_DESER", "OFF_HEAP"):
        if getattr(StorageLevel, name) == level:
            return _JVM_NAMES.get(name, name)
    return "MEMORY_AND_DISK" if level.useDisk else "MEMORY_ONLY"
