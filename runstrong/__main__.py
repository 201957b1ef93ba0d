"""`python -m runstrong`: the same as the `runstrong` command."""

from runstrong.cli import main

main()
