"""Entry script of the frozen build: the same `vielfalt` command as the installed package."""

from vielfalt_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
