"""Round 22, REDACT: credentials in command lines and prose that log redaction still let through.

Session 22 measured leaks in commands whose syntax says a password follows, though no secret's word names it
(lftp's 'user,password', Samba's 'user%password', 'ldapsearch -w', an RDP client's '/p:', Windows' 'net use
\\\\fs\\share PASSWORD', 'keytool -storepass', an SNMP community, ftp's 'user NAME PASSWORD'), in recovery
and backup codes and a passcode of digits, in a token whose symbols ended its word ('api key ***!x') and in a
secret's value with a space ('secret=*** 2pg'). A sweep of the families (SQL Server's and Sybase's '-P',
MongoDB's and Cassandra's '-p', Oracle's 'user/password', openssl's 'passwd', SNMPv3's pass phrases, a network
device's config, the commands that read a password from their input) widened them.

Every case is checked on each redaction path (the gate's with the document's rare hint, with the item's own,
the whole chain) and as the event text of a parsed log, so that no path leaves what another masks. What is no
secret stays: a count ('ping -c 3'), a timeout ('curl -w 5'), a port ('ssh -p 8080', 'mongodump -p 27017'),
a prompt ('ldapsearch -W', 'rdesktop -p -'), a variable ('-storepass:env NAME', '-U %USERNAME%'), and the
SNMP communities every device ships with ('snmpwalk -c public': a default is no secret, and a report that
shows it shows a finding).
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


# --- 1: the leaks measured at the start of the session -------------------------------------------------
MEASURED = [
    ("lftp -u deploy,Hunter2pg sftp://files.example", "lftp -u deploy,*** sftp://files.example"),
    ("smbclient //fs/share -U alice%Hunter2pg", "smbclient //fs/share -U alice%***"),
    ("ldapsearch -w Hunter2pg -D cn=admin", "ldapsearch -w *** -D cn=admin"),
    ("xfreerdp /u:admin /p:Hunter2pg /v:host", "xfreerdp /u:admin /p:*** /v:host"),
    ("net use \\\\fs\\share Hunter2pg /user:corp\\alice", "net use \\\\fs\\share *** /user:corp\\alice"),
    ("keytool -storepass Hunter2pg -list", "keytool -storepass *** -list"),
    ("snmpwalk -v2c -c s3cretComm 10.0.0.1", "snmpwalk -v2c -c *** 10.0.0.1"),
    ("ftp user alice Hunter2pg", "ftp user alice ***"),
    ("recovery code ab12-cd34-ef56", "recovery code ***"),
    ("mfa backup codes: 1234 5678", "mfa backup codes: ***"),
    ("the passcode is 4829", "the passcode is ***"),
    ("api key Hunter2pg!x", "api key ***"),
    # (as 'Password: hunter 2pg' and 'Password=Hunter 2pg': the short word after the value is its rest)
    ("secret=hunter 2pg", "secret=***"),
]

# --- 2: the families of commands whose syntax says a password follows -----------------------------------
COMMANDS = [
    # (lftp's 'user,password', its script's 'open -u' too)
    ("lftp -e 'open -u deploy,Hunter2pg files.example'", "lftp -e 'open -u deploy,*** files.example'"),
    ("lftp --user deploy,Hunter2pg files.example", "lftp --user deploy,*** files.example"),
    # (Samba's 'user%password' after '-U', '--user' or wbinfo's '-a'; smbclient's password after the share)
    ("rpcclient -U alice%Hunter2pg 10.0.0.5", "rpcclient -U alice%*** 10.0.0.5"),
    ("winexe -U 'corp\\alice%Hunter2pg' //10.0.0.5 cmd", "winexe -U 'corp\\alice%***' //10.0.0.5 cmd"),
    ("net rpc user add bob -U administrator%Hunter2pg -S dc1",
     "net rpc user add bob -U administrator%*** -S dc1"),
    ("net ads join -Uadministrator%Hunter2pg", "net ads join -Uadministrator%***"),
    ("smbclient -L //fs --user=alice%Hunter2pg", "smbclient -L //fs --user=alice%***"),
    ("samba-tool user list -U administrator%Hunter2pg", "samba-tool user list -U administrator%***"),
    ("wbinfo -a alice%Hunter2pg", "wbinfo -a alice%***"),
    ("ntlm_auth --authenticate=alice%Hunter2pg", "ntlm_auth --authenticate=alice%***"),
    ("smbclient //fs/share Hunter2pg -U alice", "smbclient //fs/share *** -U alice"),
    # (LDAP's '-w', glued or quoted; ldappasswd's old and new passwords)
    ("ldapmodify -x -D cn=admin -w Hunter2pg -f x.ldif", "ldapmodify -x -D cn=admin -w *** -f x.ldif"),
    ("ldapadd -wHunter2pg -f x.ldif", "ldapadd -w*** -f x.ldif"),
    ("ldapwhoami -x -w 'Hunter 2pg'", "ldapwhoami -x -w '***'"),
    ("ldappasswd -x -D cn=admin -w Hunter2pg -s NewPw99x uid=bob",
     "ldappasswd -x -D cn=admin -w *** -s *** uid=bob"),
    # (RDP clients: '/p:', the gateway's '/gp:', a pass-the-hash's '/pth:', rdesktop's '-p')
    ("wlfreerdp /v:host /u:admin /p:Hunter2pg", "wlfreerdp /v:host /u:admin /p:***"),
    ("xfreerdp3 /v:host /u:admin /p:'Hunter 2pg'", "xfreerdp3 /v:host /u:admin /p:'***'"),
    ("xfreerdp /v:host /u:admin /gp:Hunter2pg /pth:8846f7eaee8fb117ad06bdd830b7586c",
     "xfreerdp /v:host /u:admin /gp:*** /pth:***"),
    ("rdesktop -u admin -p Hunter2pg host", "rdesktop -u admin -p *** host"),
    ("rdesktop -g 1024x768 -p Hunter2pg host", "rdesktop -g 1024x768 -p *** host"),
    # (Windows: net use's positional password, before or after its switches; '/pass:', '/password:', schtasks'
    # '/rp', winrs' '-p:')
    ("net use Z: \\\\fs\\share Hunter2pg /user:alice", "net use Z: \\\\fs\\share *** /user:alice"),
    ("net use \\\\fs\\share /user:corp\\alice Hunter2pg", "net use \\\\fs\\share /user:corp\\alice ***"),
    ('net use \\\\fs\\share "Hunter 2pg" /user:alice', 'net use \\\\fs\\share "***" /user:alice'),
    ("NET USE \\\\fs\\share Hunter2pg", "NET USE \\\\fs\\share ***"),
    ("cmdkey /add:host /user:alice /pass:Hunter2pg", "cmdkey /add:host /user:alice /pass:***"),
    ("wmic /node:h /user:alice /password:Hunter2pg os get", "wmic /node:h /user:alice /password:*** os get"),
    ("schtasks /create /tn x /ru admin /rp Hunter2pg /tr c.exe",
     "schtasks /create /tn x /ru admin /rp *** /tr c.exe"),
    ("winrs -r:host -u:admin -p:Hunter2pg ipconfig", "winrs -r:host -u:admin -p:*** ipconfig"),
    ("WINRS -r:host -p:Hunter2pg ipconfig", "WINRS -r:host -p:*** ipconfig"),
    ("ConvertTo-SecureString 'Hunter2pg' -AsPlainText -Force",
     "ConvertTo-SecureString '***' -AsPlainText -Force"),
    ('ConvertTo-SecureString -String "Hunter2pg" -AsPlainText -Force',
     'ConvertTo-SecureString -String "***" -AsPlainText -Force'),
    # (Java's stores: every '-storepass' and '-keypass', keytool's '-new')
    ("keytool -importkeystore -srcstorepass Hunter2pg -deststorepass Hunter3pg",
     "keytool -importkeystore -srcstorepass *** -deststorepass ***"),
    ("keytool -genkey -keypass Hunter2pg -storepass changeit", "keytool -genkey -keypass *** -storepass ***"),
    ("keytool -storepasswd -new Hunter3pg -storepass Hunter2pg",
     "keytool -storepasswd -new *** -storepass ***"),
    ("jarsigner -storepass Hunter2pg app.jar alias", "jarsigner -storepass *** app.jar alias"),
    # (any command's single-dash password option; openssl's 'pass:' source keeps its word)
    ("influx -username admin -password Hunter2pg", "influx -username admin -password ***"),
    ("x11vnc -passwd Hunter2pg -display :0", "x11vnc -passwd *** -display :0"),
    ("openssl pkcs12 -in x.p12 -password pass:abc", "openssl pkcs12 -in x.p12 -password pass:***"),
    ("openssl pkcs12 -export -password pass:Hunter2pg -out x.p12",
     "openssl pkcs12 -export -password pass:*** -out x.p12"),
    ("openssl passwd -6 Hunter2pg", "openssl passwd -6 ***"),
    ("openssl passwd -1 -salt xyz Hunter2pg", "openssl passwd -1 -salt xyz ***"),
    # (SNMP: a community, glued too, SNMPv3's pass phrases; a device's and snmpd.conf's community)
    ("snmpget -c s3cretComm 10.0.0.1 sysName.0", "snmpget -c *** 10.0.0.1 sysName.0"),
    ("snmpbulkwalk -v2c -cs3cretComm 10.0.0.1", "snmpbulkwalk -v2c -c*** 10.0.0.1"),
    ("snmpwalk -v3 -u ops -l authPriv -a SHA -A authPass99 -x AES -X privPass99 10.0.0.1",
     "snmpwalk -v3 -u ops -l authPriv -a SHA -A *** -x AES -X *** 10.0.0.1"),
    ("snmp-server community s3cretComm RO", "snmp-server community *** RO"),
    ("rocommunity s3cretComm 10.0.0.0/8", "rocommunity *** 10.0.0.0/8"),
    # (a network device's config: a type's digit before the secret)
    ("username admin privilege 15 password 0 Cisco123", "username admin privilege 15 password 0 ***"),
    ("enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret 5 ***"),
    ("tacacs-server key Hunter2pg", "tacacs-server key ***"),
    ("radius-server host 10.0.0.1 key 7 0822455D0A16", "radius-server host 10.0.0.1 key 7 ***"),
    # (ftp's 'user NAME PASSWORD', in a transcript too)
    ("ftp> user alice Hunter2pg", "ftp> user alice ***"),
    ("lftp host.example user alice Hunter2pg", "lftp host.example user alice ***"),
    # (database clients: '-P' of SQL Server's, Sybase's and IPMI's, '-p' of MongoDB's and Cassandra's,
    # unixODBC's 'isql DSN USER PASSWORD', Oracle's 'user/password')
    ("sqlcmd -S db01 -U sa -P Hunter2pg -Q 'select 1'", "sqlcmd -S db01 -U sa -P *** -Q 'select 1'"),
    ("bcp db.dbo.t out t.dat -S db01 -U sa -P Hunter2pg -c",
     "bcp db.dbo.t out t.dat -S db01 -U sa -P *** -c"),
    ("isql -U sa -P Hunter2pg -S SYB01", "isql -U sa -P *** -S SYB01"),
    ("osql -S db01 -U sa -P Hunter2pg", "osql -S db01 -U sa -P ***"),
    ("sqlcmd -S db01 -P Hunter2pg", "sqlcmd -S db01 -P ***"),
    ("ipmitool -I lanplus -H 10.0.0.9 -U admin -P Hunter2pg power status",
     "ipmitool -I lanplus -H 10.0.0.9 -U admin -P *** power status"),
    ("isql -v MyDSN sa Hunter2pg", "isql -v MyDSN sa ***"),
    ("mongorestore -p Hunter2pg --db app", "mongorestore -p *** --db app"),
    ("cqlsh -p Hunter2pg db01", "cqlsh -p *** db01"),
    ("sqlplus system/Hunter2pg@//db01:1521/ORCL", "sqlplus system/***@//db01:1521/ORCL"),
    ("sqlplus -s scott/tiger@ORCL", "sqlplus -s scott/***@ORCL"),
    ("expdp scott/Hunter2pg directory=d dumpfile=x.dmp", "expdp scott/*** directory=d dumpfile=x.dmp"),
    ("rman target sys/Hunter2pg@prod", "rman target sys/***@prod"),
    ("sqlldr userid=scott/Hunter2pg control=x.ctl", "sqlldr userid=scott/*** control=x.ctl"),
    # (archives; the commands that read a password from their input)
    ("unzip -P Hunter2pg x.zip", "unzip -P *** x.zip"),
    ("echo Hunter2pg | kinit alice@CORP", "echo *** | kinit alice@CORP"),
    ("echo 'alice:Hunter2pg' | chpasswd", "echo '***' | chpasswd"),
    ("echo Hunter2pg | vncpasswd -f > ~/.vnc/passwd", "echo *** | vncpasswd -f > ~/.vnc/passwd"),
    ("kinit alice@CORP <<< Hunter2pg", "kinit alice@CORP <<< ***"),
]

# --- 3: recovery and backup codes, a passcode, a one-time code's names ----------------------------------
CODES = [
    ("recovery codes: ab12-cd34-ef56, gh78-ij90-kl12", "recovery codes: ***"),
    ("backup code 48291734", "backup code ***"),
    ("GitHub recovery code: 3f2a1-9b8c7", "GitHub recovery code: ***"),
    ("2FA backup codes are 1234 5678 and 9012 3456", "2FA backup codes are ***"),
    ("scratch code 38291047", "scratch code ***"),
    ("the recovery code is ab12-cd34-ef56", "the recovery code is ***"),
    ("Recovery Code: AB12-CD34-EF56 (printed)", "Recovery Code: *** (printed)"),
    ("BitLocker recovery key 123456-234567-345678-456789-567890-678901-789012-890123",
     "BitLocker recovery key ***"),
    ("passcode 4829", "passcode ***"),
    ("the door passcode was 4829", "the door passcode was ***"),
    ("PASSCODE: 4829", "PASSCODE: ***"),
    ("verification code 482913", "verification code ***"),
    ("security code: 482913", "security code: ***"),
    ("the login code was 482913", "the login code was ***"),
    ("sms code 482913 expired", "sms code *** expired"),
]

# --- 4: a token's glued symbols, a secret's value with a space ------------------------------------------
TAILS = [
    ("access key Hunter2pg!x", "access key ***"),
    ("token abcdEFGH1234#x9", "token ***"),
    ("client key abcdEFGH1234$x9 for the portal", "client key *** for the portal"),
    ("client_secret=hunter 2pg", "client_secret=***"),
    ("secret: hunter 2pg", "secret: ***"),
    ("SECRET = Hunter 2pg;", "SECRET = ***;"),
    # (a query's next pair and an address stay apart from the token)
    ("token abcdEFGH1234&x=1", "token ***&x=1"),
    ("token abcdEFGH1234@host", "token ***@host"),
    # (prose after the value stays)
    ("secret=abc123 rotated by Ana", "secret=*** rotated by Ana"),
]

# --- 5: what the brief's list masked before stays masked -------------------------------------------------
KEPT = [
    ("sshpass -p Hunter2pg ssh ops@h", "sshpass -p *** ssh ops@h"),
    ("redis-cli -h cache -a Hunter2pg ping", "redis-cli -h cache -a *** ping"),
    ("docker login -u bot -p Hunter2pg ghcr.io", "docker login -u bot -p *** ghcr.io"),
    ("psexec \\\\host -u admin -p Hunter2pg cmd", "psexec \\\\host -u admin -p *** cmd"),
    ("htpasswd -b f alice Hunter2pg", "htpasswd -b f alice ***"),
    ("mysql -u root -pHunter2pg app", "mysql -u root -p*** app"),
    ("openssl enc -aes256 -passin pass:Hunter2pg -in f", "openssl enc -aes256 -passin pass:*** -in f"),
    ("wget --password=Hunter2pg https://h/f", "wget --password=*** https://h/f"),
    ("curl -u alice:Hunter2pg https://h", "curl -u alice:*** https://h"),
    ("PGPASSWORD=Hunter2pg psql -h db", "PGPASSWORD=*** psql -h db"),
    ("vault login s.AbCdEf12345678", "vault login ***"),
    ("creds alice/Hunter2pg", "creds alice/***"),
    ("otp 482913", "otp ***"),
    ("2FA code 482913", "2FA code ***"),
    ("7z a -pHunter2pg x.7z d/", "7z a -p*** x.7z d/"),
    ("zip -P Hunter2pg x.zip f", "zip -P *** x.zip f"),
    ("gpg --batch --passphrase Hunter2pg -c f", "gpg --batch --passphrase *** -c f"),
    ("mongodump -u admin -p Hunter2pg", "mongodump -u admin -p ***"),
    ("rabbitmqctl add_user ops Hunter2pg", "rabbitmqctl add_user ops ***"),
    ("kubectl --password Hunter2pg get pods", "kubectl --password *** get pods"),
    ("az login -u bot@corp -p Hunter2pg", "az login -u bot@corp -p ***"),
    ("curl --proxy-user alice:Hunter2pg -x proxy:3128 https://h",
     "curl --proxy-user alice:*** -x proxy:3128 https://h"),
    ('git -c http.extraheader="AUTHORIZATION: basic YWxpY2U6SHVudGVyMnBn" clone https://h/r',
     'git -c http.extraheader="AUTHORIZATION: ***" clone https://h/r'),
]

# --- 6: what is no secret stays as written ---------------------------------------------------------------
STAY = [
    # (a count, a port, a timeout: the option's meaning in its own tool)
    "ping -c 3 10.0.0.1", "ssh -p 8080 host", "scp -P 2222 f h:/tmp", "docker run -p 8080:80 nginx",
    "kubectl port-forward svc/x -p 8080", "curl -w 5 https://h", "nc -w 5 host 80", "ping -w 5 host",
    "ping -c 3 && snmpget -v2c -c public h", "mysql -u root -P 3306 app", "mongodump -p 27017",
    "cqlsh -p 9042", "mongo --port 27017", "rdesktop -g 1024x768 host",
    # (the well-known default communities, and a variable)
    "snmp -c public", "snmpwalk -v2c -c public 10.0.0.1", "snmpwalk -v2c -c private 10.0.0.1",
    "snmpwalk -c Public 10.0.0.1", "snmpwalk -v2c -c $COMMUNITY 10.0.0.1", "snmp-server community public RO",
    # ('/p:' only after an RDP client; a prompt; a variable or a file as the source)
    "/p: after nothing", "see /p:8080", "ldapsearch -W -D cn=admin", "ldapsearch -x -w",
    "ldapsearch -x -s sub -a never -b dc=x", "rdesktop -p - host", "net use \\\\fs\\share * /user:alice",
    "net use \\\\fs\\share /delete", "net use Z: \\\\fs\\share", "net use \\\\fs\\share failed",
    "keytool -storepass:env STOREPASS -list", "keytool -storepass:file pw.txt -list",
    "openssl enc -pass env:PW -in f", "openssl enc -pass file:pw.txt", "openssl pkcs12 -password env:P12PW",
    "smbclient //fs/share -U alice", "smbclient //fs/share -c 'ls'", "smbclient -U %USERNAME% //fs/s",
    "smbclient -U CORP\\%USERNAME% //fs/s", "the disk is 90% full -U alice", "schtasks /query /fo list",
    "schtasks /create /ru admin /rp * /tr c.exe", "winrs -r:host ipconfig", "sqlcmd -S db01 -E",
    "isql -v MyDSN", "sqlplus / as sysdba", "sqlplus /nolog", "rman target /",
    "influx -execute 'show databases'", "7z x -p x.7z", "unzip -P", "zip -r x.zip d",
    "echo $PW | kinit alice",
    "ConvertTo-SecureString $pw -AsPlainText -Force", "lftp -u deploy sftp://files.example",
    "enable password", "username alice password is expired", "tacacs-server key rotation due",
    "set the -password flag", "influx -password prompt",
    # (ftp's words)
    "ftp user guide", "ftp user alice logged in", "ftp user alice failed",
    # (codes that are no secrets, a code's word in prose)
    "status code 200", "recovery point objective", "code review", "recovery codes regenerated",
    "backup code path changed", "recovery code review", "backup codes: see 1Password", "recovery took 45 min",
    "backup code 2025-10-10", "backup codes 10 left", "2 backup codes used", "emergency code freeze",
    "recovery codes OPS-1234", "the passcode is wrong", "passcode expired", "security code review",
    "the login code was 200 lines", "error code 482913",
    # (a token's or a secret's words that are none)
    "api key rotated", "api key abcdefgh!", "the secret is out", "secret: kept in the vault",
]


@pytest.mark.parametrize(("text", "expected"), MEASURED)
def test_the_measured_leaks_are_masked_on_every_path(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize(("text", "expected"), COMMANDS)
def test_a_commands_password_is_masked_on_every_path(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize(("text", "expected"), CODES)
def test_a_recovery_backup_or_one_time_code_is_masked_on_every_path(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize(("text", "expected"), TAILS)
def test_a_tokens_glued_symbols_and_a_secrets_spaced_rest_go_with_it(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_what_was_masked_stays_masked(text: str, expected: str) -> None:
    assert _paths(text) == [expected] * 3


@pytest.mark.parametrize("text", STAY)
def test_no_secret_stays_as_written(text: str) -> None:
    assert _paths(text) == [text] * 3


@pytest.mark.parametrize("table", [MEASURED, COMMANDS, CODES, TAILS, KEPT], ids=[
    "measured", "commands", "codes", "tails", "kept"])
def test_a_parsed_logs_events_are_masked_as_the_text_is(tmp_path: Path, table: list[tuple[str, str]]) -> None:
    assert _logged(tmp_path, [t for t, _ in table]) == _stamped([e for _, e in table])


def test_a_parsed_logs_events_keep_what_is_no_secret(tmp_path: Path) -> None:
    assert _logged(tmp_path, STAY) == _stamped(STAY)
