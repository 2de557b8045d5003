"""Round 14 (EV3): a curl command with several URLs whose ``-s`` hid a failure (fewer answers than URLs,
so which is whose is unknown) stays one row, and the import says so in an EvidenceNote naming the file
and the command's line (``occ import`` prints it and exits 0); a blackbox exporter answer saved with the
``curl .../probe?target=X`` line that asked for it is X's row, redacted as every URL is."""

from __future__ import annotations

from pathlib import Path

from occ_lib.evidence import import_evidence
from occ_lib.store import load_probes
from tests.evidence_rows import noted as _read_noted
from tests.evidence_rows import occ_in, workspace, write

EV2 = Path(__file__).parent / "fixtures" / "round14_ev2"
S_HIDES = EV2 / "s_hides_20251010T082500Z.log"  # real curl 7.88: curl -sI URL1 REFUSED URL3
BLACKBOX = (EV2 / "blackbox_api_20251010T074000Z.txt").read_text()  # a /probe answer, no labels
OK = "http://127.0.0.1:8711/final"


# 1: -s hid a failed URL: one row, and a note that says so -----------------------------------------
def test_a_failure_s_hid_is_one_row_and_said():
    found, problems, notes = _read_noted([S_HIDES])
    assert found == [("127.0.0.1:8711/final", OK, "HEAD", "2025-10-10T08:25:00+00:00", "filename", 200, "up",
                      None, None, None, "HTTP/1.1", None)]
    assert problems == []
    assert notes == [f"{S_HIDES}:1: 3 URLs in the command, 2 answers: -s hid which failed; stored as one row"]


def test_the_note_names_each_commands_line_and_what_is_known(tmp_path):
    text = (
        "$ curl -sI https://a.example/health\n"      # one URL: nothing to say
        "HTTP/2 204\n"
        "\n"
        "$ curl -sSI https://a.example/one https://b.example/two\n"  # -S: curl would have said a failure
        "HTTP/2 200\n"
        "\n"
        "$ curl -s -I https://c.example/1 https://c.example/2 https://c.example/3\n"
        "HTTP/1.1 200 OK\n"
        "\n"
    )
    path = write(tmp_path, "mixed_20251010T090000Z.log", text)
    found, problems, notes = _read_noted([path])
    assert [(r[1], r[2], r[5], r[6]) for r in found] == [
        ("https://a.example/health", "HEAD", 204, "up"),
        ("https://a.example/one", "HEAD", 200, "up"),
        ("https://c.example/1", "HEAD", 200, "up"),
    ]
    assert problems == []
    assert notes == [
        f"{path}:4: 2 URLs in the command, 1 answer: which is whose is unknown; stored as one row",
        f"{path}:7: 3 URLs in the command, 1 answer: -s hid which failed; stored as one row",
    ]


def test_commands_whose_urls_all_answered_raise_no_note():
    found, problems, notes = _read_noted([EV2 / "head_two_20251010T080000Z.log"])
    assert (len(found), problems, notes) == (2, [], [])


def test_occ_import_prints_the_note_and_exits_0(tmp_path):
    art = workspace(tmp_path)
    (art / S_HIDES.name).write_bytes(S_HIDES.read_bytes())
    result = occ_in(tmp_path, "import", f"artifacts/{S_HIDES.name}")
    assert result.exit_code == 0
    assert result.output.count(f"occ: warning: artifacts/{S_HIDES.name}:1: 3 URLs in the command, 2 answers: "
                               "-s hid which failed; stored as one row\n") == 1
    assert "imported 1 rows from 1 files" in result.output
    assert "Traceback" not in result.output


# 2: blackbox exporter's answer under the curl line that asked for it -------------------------------
def _asked(command: str, success: int = 1) -> str:
    answer = BLACKBOX if success else BLACKBOX.replace("probe_success 1", "probe_success 0").replace(
        "probe_http_status_code 200", "probe_http_status_code 0")
    return command + "\n" + answer


def test_blackbox_answer_takes_its_target_from_the_command(tmp_path):
    path = write(tmp_path, "bb_20251010T074000Z.txt", (
        _asked("$ curl -s 'http://localhost:9115/probe?target=https://api.example.com/health"
               "%3Ftoken%3DzzBBsecret&module=http_2xx'")
        + _asked('ops@box:~$ curl -s "localhost:9115/probe?module=tcp_connect&target=db.internal:5432"', 0)
        + _asked("curl 'http://localhost:9115/probe?target=https%3A%2F%2Fb.example%2Fz&module=http_2xx'")))
    found, problems, notes = _read_noted([path])
    assert found == [
        ("api.example.com/health?token=***", "https://api.example.com/health?token=***", None,
         "2025-10-10T07:40:00+00:00", "filename", 200, "up", None, None, 123.456, None, None),
        # (round 15: a failed probe says so; this one's metrics show no cause, so no error class)
        ("db.internal:5432", None, None, "2025-10-10T07:40:00+00:00", "filename", None, "down", None,
         "probe failed: no HTTP answer (blackbox probe_http_status_code 0)", 123.456, None, None),
        ("b.example/z", "https://b.example/z", None, "2025-10-10T07:40:00+00:00", "filename", 200, "up",
         None, None, 123.456, None, None),
    ]
    assert (problems, notes) == ([], [])


def test_blackbox_target_secret_never_reaches_the_store(tmp_path):
    path = write(tmp_path, "bb_20251010T074000Z.txt", _asked(
        "$ curl -s 'http://localhost:9115/probe?target=https://api.example.com/h%3Fapi_key%3DzzBBsecret'"))
    store = tmp_path / "data"
    result = import_evidence(store, [path])
    assert (result.imported_rows, result.problems) == (1, [])
    assert list(load_probes(store)["target"]) == ["api.example.com/h?api_key=***"]
    assert b"zzBBsecret" not in b"".join(p.read_bytes() for p in store.rglob("*.parquet"))


def test_blackbox_answer_without_a_command_keeps_the_files_name(tmp_path):
    path = write(tmp_path, "blackbox_api_20251010T074000Z.txt", "# target=x in a comment\n" + BLACKBOX)
    found, problems, _notes = _read_noted([path])
    assert [(r[0], r[1], r[5]) for r in found] == [("blackbox_api", None, 200)]
    assert problems == []
