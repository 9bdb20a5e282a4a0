#!/usr/bin/env bash
# The README's "Try it" block, run as printed against the packaged jar, the way the README starts it (its
# `java -jar ...` command, here on a free loopback port). Each command in the block is followed by a line
# `# → <status>: ...` that says what it prints; this script runs every command with bash (the README's URL pointed
# at the jar's port, `<id from the answer>` replaced by the "id" of the order the block placed) and checks the answer
# against that line:
#   - the first number is the HTTP status (a command that prints its status code must print that one);
#   - each "key": value names a key that some object of the JSON answer has, with that value;
#   - each other "key" names a key that some object of the JSON answer has;
#   - each `text` is printed as it is.
# Then it checks the sentences under the block: the traced log lines, and Ctrl-C (SIGINT) stopping the jar with the
# summary line the README shows. A README change that breaks any of this fails here, and so in .ci/run.
#
# Usage: bash sample-app/readme-try-it.sh        (from anywhere, after ./mvnw verify or the README's package command)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "readme-try-it: curl is needed" >&2; exit 1; }
command -v python3 >/dev/null || { echo "readme-try-it: python3 is needed" >&2; exit 1; }

exec python3 - <<'PY'
import atexit
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

START_TIMEOUT = int(os.environ.get("START_TIMEOUT", "120"))
STOP_TIMEOUT = int(os.environ.get("STOP_TIMEOUT", "60"))
SETTLE_TIMEOUT = 15      # seconds a read may take to show what the asynchronous lanes deliver
README_URL = "http://localhost:8080"
PLACEHOLDER = "<id from the answer>"

work = tempfile.mkdtemp(prefix="readme-try-it-")
log_path = os.path.join(work, "sample.out")
sample = None


def fail(message):
    print(f"readme-try-it FAILED: {message}", file=sys.stderr)
    if os.path.exists(log_path):
        with open(log_path, encoding="utf-8", errors="replace") as log:
            tail = log.read().splitlines()[-30:]
        print("---- last lines of the application's output ----", file=sys.stderr)
        print("\n".join(tail), file=sys.stderr)
    stop_forcibly()
    sys.exit(1)


def stop_forcibly():
    if sample is not None and sample.poll() is None:
        sample.kill()
        sample.wait(10)


# The sample never outlives this script, whatever ends it.
atexit.register(stop_forcibly)
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))


def section(text, heading):
    start = text.find("\n" + heading + "\n")
    if start < 0:
        fail(f"README.md has no '{heading}' section")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def first_bash_block(text, heading):
    match = re.search(r"```bash\n(.*?)```", text, re.S)
    if match is None:
        fail(f"README.md's '{heading}' section has no bash block")
    return match.group(1), text[match.end():]


class Step:
    def __init__(self, command):
        self.command = command
        self.expected = None

    def is_read(self):
        return "-X POST" not in self.command


def parse_steps(block):
    steps = []
    pending = ""
    for line in block.splitlines():
        if pending:
            pending += "\n" + line
        elif line.startswith("# →"):
            if not steps or steps[-1].expected is not None:
                fail(f"README 'Try it': '{line}' follows no command")
            steps[-1].expected = line[len("# →"):].strip()
            continue
        elif not line.strip() or line.startswith("#"):
            continue
        else:
            pending = line
        if not pending.endswith("\\"):
            steps.append(Step(pending))
            pending = ""
    for step in steps:
        if step.expected is None:
            fail(f"README 'Try it': the command '{step.command}' is not followed by a '# → ...' line saying what "
                 "it prints")
    return steps


class Expectation:
    """What a '# →' line says a command prints."""

    def __init__(self, text):
        status = re.match(r"(\d{3})\b", text)
        if status is None:
            fail(f"README 'Try it': '# → {text}' does not start with the HTTP status")
        self.status = int(status.group(1))
        self.texts = re.findall(r"`([^`]+)`", text)
        rest = re.sub(r"`[^`]*`", "", text)
        self.pairs = [(key, json.loads(value)) for key, value in re.findall(
            r'"([^"]+)":\s*("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)', rest)]
        rest = re.sub(r'"[^"]+":\s*("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)', "", rest)
        self.keys = re.findall(r'"([^"]+)"', rest)

    def problems(self, status, output):
        found = []
        if status != self.status:
            found.append(f"status {status}, expected {self.status}")
        if re.fullmatch(r"\d{3}", output.strip()) and int(output.strip()) != self.status:
            found.append(f"printed {output.strip()}, expected {self.status}")
        for text in self.texts:
            if text not in output:
                found.append(f"does not print `{text}`")
        if self.pairs or self.keys:
            try:
                objects = list(dicts(json.loads(output)))
            except ValueError:
                return found + ["the answer is not JSON"]
            for key in self.keys:
                if not any(key in obj for obj in objects):
                    found.append(f'no "{key}"')
            for key, value in self.pairs:
                if not any(key in obj and obj[key] == value for obj in objects):
                    found.append(f'no "{key}": {json.dumps(value)}')
        return found


def dicts(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from dicts(value)
    elif isinstance(node, list):
        for value in node:
            yield from dicts(value)


def ids(output):
    try:
        answer = json.loads(output)
    except ValueError:
        return None
    return answer.get("id") if isinstance(answer, dict) else None


def run(command, headers):
    # The README's curl, with its answer's headers kept to read the status; bounded in time.
    prelude = f'curl() {{ command curl -D {headers} --max-time 20 "$@"; }}\n'
    done = subprocess.run(["bash", "-c", prelude + command], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60)
    with open(headers, encoding="utf-8", errors="replace") as answer:
        statuses = re.findall(r"^HTTP/\S+ (\d{3})", answer.read(), re.M)
    return (int(statuses[-1]) if statuses else 0), done.stdout


readme = open("README.md", encoding="utf-8").read()
run_block, _ = first_bash_block(section(readme, "## The two commands"), "## The two commands")
jar = re.search(r"java -jar (\S+\.jar)", run_block)
if jar is None:
    fail("README.md's run command has no 'java -jar <jar>'")
jar = jar.group(1)
if not os.path.isfile(jar):
    fail(f"{jar} is missing: run ./mvnw verify (or the README's package command) first")
try_it, after = first_bash_block(section(readme, "## Try it"), "## Try it")
steps = parse_steps(try_it)
summary = re.search(r"Ctrl-C.*?`(Observability stopped: [^`]+)`", after, re.S)
if summary is None:
    fail("README 'Try it' no longer says what Ctrl-C prints (`Observability stopped: ...`)")
summary_pattern = re.escape(summary.group(1)).replace(re.escape("..."), ".*")

# The README's run command; Ctrl-C reaches the JVM as SIGINT, which a child of this process does not ignore.
with open(log_path, "w", encoding="utf-8") as log:
    sample = subprocess.Popen(["java", "-jar", jar, "--server.address=127.0.0.1", "--server.port=0"],
                              stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.DEVNULL)
deadline = time.monotonic() + START_TIMEOUT
port = None
while port is None:
    if sample.poll() is not None:
        fail("the application exited during start-up")
    if time.monotonic() > deadline:
        fail(f"no 'Tomcat started on port' line within {START_TIMEOUT}s")
    with open(log_path, encoding="utf-8", errors="replace") as log:
        started = re.search(r"Tomcat started on port (\d+)", log.read())
    port = started.group(1) if started else None
    time.sleep(0.25)
base = f"http://127.0.0.1:{port}"
print(f"{jar} started on {base}")

order_id = None
headers = os.path.join(work, "headers")
for step in steps:
    command = step.command.replace(README_URL, base)
    if PLACEHOLDER in command:
        if order_id is None:
            fail(f"'{step.command}' needs the id of an answer, and no answer before it had one")
        command = command.replace(PLACEHOLDER, order_id)
    expectation = Expectation(step.expected)
    settle = time.monotonic() + (SETTLE_TIMEOUT if step.is_read() else 0)
    while True:
        open(headers, "w").close()
        status, output = run(command, headers)
        problems = expectation.problems(status, output)
        if not problems or time.monotonic() > settle:
            break
        time.sleep(0.5)
    shown = " ".join(step.command.replace("\\\n", " ").split())
    if problems:
        fail(f"'{shown}' → {'; '.join(problems)}; the README says '# → {step.expected}'; it printed:\n{output}")
    order_id = ids(output) or order_id
    print(f"ok  {shown}\n    # → {step.expected}")

# "Placing an order and the failing payment each print a JSON log line carrying the request's trace_id and span_id"
with open(log_path, encoding="utf-8", errors="replace") as log:
    lines = [json.loads(line) for line in log.read().splitlines() if line.startswith("{")]
for message in (f"Order {order_id} placed", "Payment failed"):
    traced = [line for line in lines if line.get("message", "").startswith(message)]
    if not traced or not re.fullmatch(r"[0-9a-f]{32}", traced[0].get("trace_id", "")) \
            or not re.fullmatch(r"[0-9a-f]{16}", traced[0].get("span_id", "")):
        fail(f"no JSON log line '{message}...' with a trace_id and a span_id")
    print(f"ok  the JSON log line '{message}...' carries trace_id {traced[0]['trace_id']} and span_id "
          f"{traced[0]['span_id']}")

# Ctrl-C: the JVM drains the lanes and prints the summary line.
sample.send_signal(signal.SIGINT)
try:
    code = sample.wait(STOP_TIMEOUT)
except subprocess.TimeoutExpired:
    fail(f"still running {STOP_TIMEOUT}s after Ctrl-C (SIGINT)")
if code not in (0, 130):
    fail(f"exit status {code} after Ctrl-C (SIGINT)")
with open(log_path, encoding="utf-8", errors="replace") as log:
    stopped = re.search(summary_pattern, log.read())
if stopped is None:
    fail(f"no line matching the README's `{summary.group(1)}` after Ctrl-C")
print(f"ok  Ctrl-C (exit {code}): {stopped.group(0)[:160]}...")
print("readme-try-it OK")
PY
