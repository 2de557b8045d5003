"""Round 23, REDACT: a plain word given where a command takes its password is masked too.

Session 22 left a password that is a plain word as written wherever the command's syntax, not a secret's
name, said a password came: ``net use \\\\fs\\share summer``, ``smbclient //fs/share summer``, ``ftp> user
alice summer``, ``isql DSN sa summer``, ``ipmitool -P calvin`` (a BMC's factory password), ``cqlsh -p
cassandra`` (Cassandra's), ``sqlcmd -P``, ``mongosh -p``, and a password option's value after a space
(``mongosh --password summer``, ``redis-cli --pass``, ``influx -password``); and ``echo summer | sudo -S``
fed sudo its password unmasked. Such a word is masked now unless prose put it there: a function word, a
status word or a verb's ``-ed``/``-ing`` form (``net use \\\\fs\\share failed``, ``smbclient //fs/share works
again``, ``ftp user alice logged in``, ``the --password flag``), a prompt's ``*``, a variable, a port-like
number (``mongodump -p 27017``).

Every case is checked on each redaction path and as the event text of a parsed log.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.redaction_paths import logged as _logged
    from tests.redaction_paths import paths as _paths
    from tests.redaction_paths import stamped as _stamped
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from redaction_paths import logged as _logged  # type: ignore[no-redef]
    from redaction_paths import paths as _paths  # type: ignore[no-redef]
    from redaction_paths import stamped as _stamped  # type: ignore[no-redef]


MASKED = [
    ("net use \\\\fs\\share summer /user:bob", "net use \\\\fs\\share *** /user:bob"),
    ("net use Z: \\\\fs01\\ops winter /persistent:no", "net use Z: \\\\fs01\\ops *** /persistent:no"),
    ("net use \\\\fs\\share /user:bob summer", "net use \\\\fs\\share /user:bob ***"),
    ("smbclient //fs/share summer -U bob", "smbclient //fs/share *** -U bob"),
    ("ftp> user alice summer", "ftp> user alice ***"),
    ("isql MyDSN sa summer", "isql MyDSN sa ***"),
    ("ipmitool -I lanplus -H bmc01 -U root -P calvin power status",
     "ipmitool -I lanplus -H bmc01 -U root -P *** power status"),
    ("sqlcmd -S db01 -U sa -P summer -Q 'select 1'", "sqlcmd -S db01 -U sa -P *** -Q 'select 1'"),
    ("cqlsh -u cassandra -p cassandra db01", "cqlsh -u cassandra -p *** db01"),
    ("mongosh -u admin -p summer", "mongosh -u admin -p ***"),
    ("mongosh --password summer", "mongosh --password ***"),
    ("cqlsh --password summer db01", "cqlsh --password *** db01"),
    ("redis-cli --pass summer", "redis-cli --pass ***"),
    ("deploy --db-password hunter", "deploy --db-password ***"),
    ("x11vnc --passwd summer", "x11vnc --passwd ***"),
    ("influx -password summer", "influx -password ***"),
    ("echo summer | sudo -S apt update", "echo *** | sudo -S apt update"),
    ("echo summer | sudo -u bob -S ls", "echo *** | sudo -u bob -S ls"),
    ("sudo -S apt update <<< summer", "sudo -S apt update <<< ***"),
]

STAY = [
    "net use \\\\fs\\share * /user:bob",
    "net use \\\\fs\\share failed with error 53",
    "ran net use \\\\fs01\\ops and the drive mapped",
    "smbclient //fs/share works again after the fix",
    "smbclient //fs/share -U bob",
    "lftp user guide says to use sftp",
    "ftp user alice logged in",
    "isql MyDSN sa -v",
    "mongodump -p 27017",
    "the ipmitool -P flag is deprecated",
    "influx -password prompt",
    "psql --password",
    "the --password flag is gone",
    "use --password instead of -p",
    "app --password-file /run/pw",
    "run with --password $PW",
    "--token expired yesterday",
    "echo done | sudo tee /etc/x",
    "echo y | sudo pacman -S foo",
    'echo "$PW" | sudo -S ls',
]


@pytest.mark.parametrize(("text", "expected"), MASKED)
def test_a_plain_password_word_is_masked(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize("text", STAY)
def test_prose_where_a_password_goes_stays(text: str) -> None:
    assert _paths(text) == [text] * 3


def test_a_parsed_logs_events_are_masked_as_the_text_is(tmp_path: Path) -> None:
    assert _logged(tmp_path, [t for t, _ in MASKED]) == _stamped([e for _, e in MASKED])


def test_a_parsed_logs_events_keep_what_is_no_secret(tmp_path: Path) -> None:
    assert _logged(tmp_path, STAY) == _stamped(STAY)
