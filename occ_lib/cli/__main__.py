"""``python -m occ_lib.cli``: the ``occ`` command (as ``python -m occ_lib``)."""

from occ_lib.cli import main

if __name__ == "__main__":
    main()
