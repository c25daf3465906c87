"""Entry script of the frozen build: the same `vielfalt` command as the installed package."""

from vielfalt_desktop.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
