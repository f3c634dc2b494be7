"""A separate process for the concurrency tests: saves in a loop, or holds the lock.

helper_process.py save ARCHIVE NAME COUNT [shared]   print each saved commit id
helper_process.py hold ARCHIVE                       hold the archive lock until killed
helper_process.py die ARCHIVE WHEN PATH...           start a save of PATHs and be killed
                                                     (SIGKILL) before the ref moves
                                                     (WHEN=ref) or while a file is being
                                                     renamed into place (WHEN=rename)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from archive import GitArchive, Identity
from archive.locking import ArchiveLock


def save_loop(path: str, name: str, count: int, shared: bool) -> None:
    author = Identity(f"Clerk {name}", f"{name}@example.org")
    sys.stdin.readline()
    with GitArchive.open(path, lock_timeout=60, graph_every=16) as archive:
        for n in range(count):
            files = {
                f"meetings/{name}/2025-01-{n % 28 + 1:02d}/meeting.yaml": f"{name} {n}\n".encode()
            }
            if shared:
                files["people/register.yaml"] = f"last saved by {name} #{n}\n".encode()
            version = archive.save(
                files, message=f"{name} save {n}", author=author, trailers={"Meeting": name}
            )
            print(version.commit, flush=True)


def hold(path: str) -> None:
    folder = Path(path)
    with ArchiveLock(folder / ".git", folder):
        print("locked", flush=True)
        time.sleep(600)


def die(path: str, when: str, paths: list[str]) -> None:
    import os
    import signal

    import archive._saving
    import archive.locking

    def killed(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if when == "ref":
        archive._saving.move_ref = killed  # type: ignore[assignment]
    else:
        archive.locking.os.replace = killed  # type: ignore[assignment]
    with GitArchive.open(path) as opened:
        opened.save({p: b"never saved\n" for p in paths}, message="Killed", author=Identity("K", "k@x"))


if __name__ == "__main__":
    if sys.argv[1] == "save":
        save_loop(sys.argv[2], sys.argv[3], int(sys.argv[4]), len(sys.argv) > 5)
    elif sys.argv[1] == "die":
        die(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        hold(sys.argv[2])
