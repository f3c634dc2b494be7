"""Writing a small git pack (and its index) in-process: one save, one durable file pair.

A save creates a handful of objects (blob, trees along the path, commit). Written as
loose objects they cost one fsync each plus one per object folder; written as one pack
they cost three (pack, index, folder). The pack and its version-2 index follow git's
format (``Documentation/gitformat-pack.txt``); the pack is renamed into place before its
index, as git does, so no reader ever sees an index without its pack. ``git repack
--geometric`` later rolls these small packs together.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from archive.locking import fsync_dir, write_new_file

__all__ = ["write_pack"]

_TYPES = {"commit": 1, "tree": 2, "blob": 3, "tag": 4}


def _entry_header(kind: str, size: int) -> bytes:
    byte = (_TYPES[kind] << 4) | (size & 0x0F)
    size >>= 4
    out = bytearray()
    while size:
        out.append(byte | 0x80)
        byte = size & 0x7F
        size >>= 7
    out.append(byte)
    return bytes(out)


def _durable(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"tmp_{path.suffix[1:]}_{os.urandom(6).hex()}")
    write_new_file(tmp, data, 0o444)
    os.replace(tmp, path)


def write_pack(objects_dir: Path, objects: Sequence[tuple[str, str, bytes]]) -> str:
    """Store ``(sha, kind, data)`` objects as one new pack; return the pack's name."""
    body = bytearray(b"PACK" + struct.pack(">II", 2, len(objects)))
    index: list[tuple[bytes, int, int]] = []
    for sha, kind, data in objects:
        entry = _entry_header(kind, len(data)) + zlib.compress(data, 1)
        index.append((bytes.fromhex(sha), zlib.crc32(entry), len(body)))
        body += entry
    checksum = hashlib.sha1(body).digest()
    body += checksum
    index.sort()
    fanout = [0] * 256
    for binsha, _, _ in index:
        fanout[binsha[0]] += 1
    running = 0
    for n in range(256):
        running += fanout[n]
        fanout[n] = running
    idx = bytearray(b"\xfftOc" + struct.pack(">I", 2))
    idx += struct.pack(">256I", *fanout)
    idx += b"".join(binsha for binsha, _, _ in index)
    idx += b"".join(struct.pack(">I", crc) for _, crc, _ in index)
    idx += b"".join(struct.pack(">I", offset) for _, _, offset in index)
    idx += checksum
    idx += hashlib.sha1(idx).digest()
    folder = objects_dir / "pack"
    folder.mkdir(exist_ok=True)
    name = f"pack-{checksum.hex()}"
    _durable(folder / f"{name}.pack", bytes(body))
    _durable(folder / f"{name}.idx", bytes(idx))
    fsync_dir(folder)
    return name
