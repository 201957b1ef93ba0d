"""Errors shared by the commands below the CLI, so none of them has to import cli.py.

`UsageError` is bad input on the command line (exit status 2); the CLI prints its message as the
one line the user sees.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad command-line input, worded for the user in one line; the CLI exits with status 2."""


class FileError(Exception):
    """A file that could not be written or read (I/O error, disk full, permission), worded in
    one line that names the file; the CLI exits with status 1, as for a database problem."""
