"""`python -m lagebild`: the same as the `lagebild` command."""

from lagebild.cli import main

main()
