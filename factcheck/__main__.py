"""``python -m factcheck`` runs the CLI."""

from factcheck.cli import main

main()
