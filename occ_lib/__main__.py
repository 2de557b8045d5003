"""``python -m occ_lib``: the ``occ`` command, for an environment whose scripts are not on PATH."""

from occ_lib.cli import main

if __name__ == "__main__":
    main()
