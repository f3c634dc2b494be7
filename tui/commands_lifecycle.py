"""Subcommands for the meeting's lifecycle."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["register"]


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    return None
