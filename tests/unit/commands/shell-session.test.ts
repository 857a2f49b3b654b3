import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type SessionLine, sessionLines } from '../../../src/lib/commands/shell-session.ts';
import { copyText } from '../../../src/lib/web/copy-text.ts';

/**
 * What the Copy button puts on the clipboard, as src/scripts/command-blocks.ts does it from the marked-up block:
 * each line minus its `.prompt`, `.output` lines dropped, through copyText. A block that is not a session is copied
 * whole.
 */
function copied(code: string, language: string): string {
  const lines = code.split('\n');
  const session = sessionLines(code, language);
  return copyText(
    lines.map((text, i) => {
      const line: SessionLine = session?.[i] ?? { kind: 'command', promptLength: 0 };
      return line.kind === 'output' ? { text, output: true } : { text: text.slice(line.promptLength), output: false };
    }),
  );
}

const block = (...lines: string[]) => lines.join('\n');

/** [shape, fence language, block, what is copied]. Shapes seen in real runbooks, and the traps around them. */
const SHAPES: [string, string, string, string][] = [
  [
    'kubectl piped into jq, the pipe ending the line',
    'bash',
    block('$ kubectl get pods -n payments -o json |', `    jq -r '.items[] | select(.status.phase != "Running") | .metadata.name'`, 'payments-api-7f9c-x2k4q'),
    block('kubectl get pods -n payments -o json |', `    jq -r '.items[] | select(.status.phase != "Running") | .metadata.name'`),
  ],
  [
    'kubectl with a backslash, then a pipe at the start of the next line',
    'shell',
    block('$ kubectl -n payments logs deploy/api --since=10m \\', '    | grep -i timeout | wc -l', '42'),
    block('kubectl -n payments logs deploy/api --since=10m \\', '    | grep -i timeout | wc -l'),
  ],
  [
    'multi-line docker run with backslashes',
    'bash',
    block(
      '$ docker run -d --name redis-recovery \\',
      '    -p 6379:6379 \\',
      '    -v /srv/redis:/data \\',
      '    redis:7 redis-server --appendonly yes',
      '3f1c2e9a7b1d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
    ),
    block('docker run -d --name redis-recovery \\', '    -p 6379:6379 \\', '    -v /srv/redis:/data \\', '    redis:7 redis-server --appendonly yes'),
  ],
  [
    'psql here-document: quotes in the body do not count, the table after it is output',
    'bash',
    block(
      `$ psql "$DATABASE_URL" <<'SQL'`,
      'SELECT pid, state, left(query, 40)',
      'FROM pg_stat_activity',
      `WHERE state <> 'idle'; -- don't list idle backends`,
      'SQL',
      ' pid  | state  | left',
      '------+--------+---------------------',
      ' 4242 | active | UPDATE ledger SET …',
    ),
    block(
      `psql "$DATABASE_URL" <<'SQL'`,
      'SELECT pid, state, left(query, 40)',
      'FROM pg_stat_activity',
      `WHERE state <> 'idle'; -- don't list idle backends`,
      'SQL',
    ),
  ],
  [
    'here-document with <<-: the tab-indented delimiter ends it',
    'sh',
    block(
      '$ kubectl apply -f - <<-EOF',
      '\tapiVersion: v1',
      '\tkind: Namespace',
      '\tmetadata:',
      '\t  name: payments-dr',
      '\tEOF',
      'namespace/payments-dr created',
    ),
    block('kubectl apply -f - <<-EOF', '\tapiVersion: v1', '\tkind: Namespace', '\tmetadata:', '\t  name: payments-dr', '\tEOF'),
  ],
  [
    'here-document piped on, with a double-quoted delimiter and a blank line in the body',
    'bash',
    block(
      '$ cat <<"EOF" | kubectl -n payments create configmap motd --from-file=motd=/dev/stdin',
      'Maintenance tonight.',
      '',
      "Don't deploy.",
      'EOF',
      'configmap/motd created',
    ),
    block('cat <<"EOF" | kubectl -n payments create configmap motd --from-file=motd=/dev/stdin', 'Maintenance tonight.', '', "Don't deploy.", 'EOF'),
  ],
  [
    'a "<<EOF" inside quotes or $((…)), and a <<< here-string, open no here-document',
    'bash',
    block(`$ echo '<<EOF' $((1 << 4))`, '<<EOF 16', '$ grep -c api <<< "$PODS"', '3'),
    block(`echo '<<EOF' $((1 << 4))`, 'grep -c api <<< "$PODS"'),
  ],
  [
    'user@host:~/dir$ prompts',
    'bash',
    block(
      'deploy@bastion-1:~/payments$ ./scripts/rollout.sh --dry-run',
      'would restart 3 pods',
      'deploy@bastion-1:~/payments$ git log --oneline -1',
      'a1b2c3d Fix ledger retry',
    ),
    block('./scripts/rollout.sh --dry-run', 'git log --oneline -1'),
  ],
  [
    '[user@host dir]$ and (venv) prompts',
    'bash',
    block('[deploy@db-1 ~]$ systemctl status postgresql --no-pager', '● postgresql.service - PostgreSQL', '(venv) $ pip install -r requirements.txt'),
    block('systemctl status postgresql --no-pager', 'pip install -r requirements.txt'),
  ],
  [
    '# comment lines in a session are not prompts, and not copied',
    'bash',
    block('# On the bastion, as the deploy user:', '$ kubectl rollout status deploy/api -n payments', 'deployment "api" successfully rolled out'),
    'kubectl rollout status deploy/api -n payments',
  ],
  [
    'a quoted multi-line string, single-quoted JSON',
    'bash',
    block(
      `$ curl -sS -X POST -H 'Content-Type: application/json' https://hooks.slack.example/services/T0 -d '{`,
      '  "text": "Failing over payments-db to the replica"',
      `}'`,
      'ok',
    ),
    block(
      `curl -sS -X POST -H 'Content-Type: application/json' https://hooks.slack.example/services/T0 -d '{`,
      '  "text": "Failing over payments-db to the replica"',
      `}'`,
    ),
  ],
  [
    'an apostrophe inside double quotes does not open a quote',
    'bash',
    block(`$ git commit -m "Roll back payments: it's the cache`, '', 'Incident INC-42"', '[main 9f8e7d6] Roll back payments: it’s the cache'),
    block(`git commit -m "Roll back payments: it's the cache`, '', 'Incident INC-42"'),
  ],
  [
    'escaped quotes and a quote in a comment do not open one',
    'bash',
    block(`$ echo It\\'s fine \\" # don't worry`, `It's fine "`, '$ uptime', ' 10:42:01 up 12 days'),
    block(`echo It\\'s fine \\" # don't worry`, 'uptime'),
  ],
  [
    'quotes inside $(…) inside double quotes count again, and << inside "$((…))" is a shift',
    'bash',
    block(`$ slack-notify "$(printf "%s's deploy is done" "$USER")"`, 'sent', '$ echo "mask: $((1 << 4))"', 'mask: 16'),
    block(`slack-notify "$(printf "%s's deploy is done" "$USER")"`, 'echo "mask: $((1 << 4))"'),
  ],
  [
    'an unclosed $( goes on',
    'bash',
    block('$ POD=$(kubectl get pods -n payments -l app=api', `    -o jsonpath='{.items[0].metadata.name}')`, '$ echo "$POD"', 'api-7f9c'),
    block('POD=$(kubectl get pods -n payments -l app=api', `    -o jsonpath='{.items[0].metadata.name}')`, 'echo "$POD"'),
  ],
  [
    '&& and || at the end of a line',
    'zsh',
    block('$ cd /srv/payments &&', '    git pull --ff-only &&', '    systemctl restart payments ||', '    echo "restart failed" >&2', 'Already up to date.'),
    block('cd /srv/payments &&', '    git pull --ff-only &&', '    systemctl restart payments ||', '    echo "restart failed" >&2'),
  ],
  [
    'a for loop shown with > continuation prompts',
    'bash',
    block('$ for pod in api-1 api-2; do', '>   kubectl -n payments delete pod "$pod"', '> done', 'pod "api-1" deleted', 'pod "api-2" deleted'),
    block('for pod in api-1 api-2; do', '  kubectl -n payments delete pod "$pod"', 'done'),
  ],
  [
    'blank lines between commands are not copied',
    'bash',
    block('$ kubectl get nodes', 'NAME     STATUS', 'node-1   Ready', '', '$ kubectl top nodes', '', 'NAME     CPU'),
    block('kubectl get nodes', 'kubectl top nodes'),
  ],
  [
    'output lines holding "$ " mid-line stay output',
    'bash',
    block('$ grep -r PS1 /etc/profile.d', `/etc/profile.d/prompt.sh:PS1='\\u@\\h:\\w$ '`, 'cost so far: US $ 12.50', '$ echo done', 'done'),
    block('grep -r PS1 /etc/profile.d', 'echo done'),
  ],
  [
    '$ without a space is not a prompt: a plain script is copied whole',
    'bash',
    block('$HOME/bin/rotate-logs.sh --keep 7', '$PAGER /var/log/payments/api.log'),
    block('$HOME/bin/rotate-logs.sh --keep 7', '$PAGER /var/log/payments/api.log'),
  ],
  [
    'a block with no prompt is copied whole, comments included',
    'bash',
    block('# Drain the node first', 'kubectl drain node-1 --ignore-daemonsets', '', 'kubectl get pods -A -o wide | grep node-1'),
    block('# Drain the node first', 'kubectl drain node-1 --ignore-daemonsets', '', 'kubectl get pods -A -o wide | grep node-1'),
  ],
  [
    'a "$ " line inside a plain script’s here-document is text: copied whole',
    'bash',
    block(`cat <<'EOF' > /etc/motd`, '$ welcome to db-1', 'EOF'),
    block(`cat <<'EOF' > /etc/motd`, '$ welcome to db-1', 'EOF'),
  ],
  ['a % line in a zsh fence is not a prompt (only $ is, in script fences)', 'zsh', block('% kubectl get pods', 'NAME'), block('% kubectl get pods', 'NAME')],
  // `console` fences: the same rule, where `# ` is root's prompt.
  [
    'console: commands without prompts or output',
    'console',
    block('$ kubectl get pods', 'NAME     READY   STATUS', 'api-1    1/1     Running', '$ echo done  ', 'done'),
    block('kubectl get pods', 'echo done'),
  ],
  [
    'console: root prompts and user@host prompts',
    'console',
    block('# systemctl restart redis', 'root@db-1:~# df -h', 'Filesystem Size'),
    block('systemctl restart redis', 'df -h'),
  ],
  [
    'console: continuation lines after a backslash, with or without "> "',
    'console',
    block('$ psql -h db \\', '>   -c "select 1"', ' ?column?', '$ curl -s \\', '  https://api/health', 'ok'),
    block('psql -h db \\', '  -c "select 1"', 'curl -s \\', '  https://api/health'),
  ],
  [
    'console: a here-document as a terminal prints it, with > prompts',
    'console',
    block('$ cat <<EOF > /tmp/drain.txt', '> node-1', '> EOF', '$ wc -l /tmp/drain.txt', '1 /tmp/drain.txt'),
    block('cat <<EOF > /tmp/drain.txt', 'node-1', 'EOF', 'wc -l /tmp/drain.txt'),
  ],
  [
    'console: a psql here-document without > prompts, and a [user@host dir]# prompt',
    'console',
    block(`[root@db-1 ~]# psql -U postgres <<'SQL'`, 'SELECT pg_reload_conf();', 'SQL', ' pg_reload_conf', '----------------', ' t'),
    block(`psql -U postgres <<'SQL'`, 'SELECT pg_reload_conf();', 'SQL'),
  ],
  [
    'a backslash followed by trailing spaces goes on, as the trimmed copy pastes it',
    'bash',
    block('$ helm upgrade payments ./chart \\  ', '    --reuse-values', 'Release "payments" has been upgraded.'),
    block('helm upgrade payments ./chart \\', '    --reuse-values'),
  ],
  [
    'console: a quoted multi-line string without > prompts',
    'console',
    block(`$ redis-cli EVAL "return redis.call('DEL',`, `  KEYS[1])" 1 session:stale`, '(integer) 1'),
    block(`redis-cli EVAL "return redis.call('DEL',`, `  KEYS[1])" 1 session:stale`),
  ],
  [
    'console: diff output lines starting with "> " stay output',
    'console',
    block('$ diff old.conf new.conf', '3c3', '< max_connections = 100', '---', '> max_connections = 200'),
    'diff old.conf new.conf',
  ],
];

describe('shell sessions: what Copy copies', () => {
  for (const [shape, language, code, expected] of SHAPES) {
    test(`${shape} (${language})`, () => {
      assert.equal(copied(code, language), expected);
    });
  }
});

describe('shell sessions: which blocks are sessions', () => {
  test('script fences with a prompted line are sessions, in any letter case; without one they are not', () => {
    for (const language of ['bash', 'sh', 'shell', 'zsh', 'shellscript', 'Bash']) {
      assert.ok(sessionLines('$ ls\nfile', language), language);
      assert.equal(sessionLines('ls\n# $ ls', language), undefined, language);
    }
  });

  test('console fences are always sessions; other languages never are', () => {
    assert.deepEqual(sessionLines('just output', 'console'), [{ kind: 'output' }]);
    for (const language of ['python', 'text', 'powershell', 'sql']) assert.equal(sessionLines('$ ls\nfile', language), undefined, language);
  });

  test('classifies each line, with the length of its prompt', () => {
    assert.deepEqual(sessionLines('$ a \\\n> b\nout', 'console'), [
      { kind: 'command', promptLength: 2 },
      { kind: 'continuation', promptLength: 2 },
      { kind: 'output' },
    ]);
    assert.deepEqual(sessionLines('# note\nops@web-1:~$ cat <<EOF\n$ body\nEOF\nout', 'bash'), [
      { kind: 'output' },
      { kind: 'command', promptLength: 13 },
      { kind: 'continuation', promptLength: 0 },
      { kind: 'continuation', promptLength: 0 },
      { kind: 'output' },
    ]);
  });

  test('an unclosed quote or here-document takes the rest of the block, as the shell would', () => {
    assert.equal(copied('$ echo "oops\nhello\n$ ls', 'bash'), 'echo "oops\nhello\n$ ls');
    assert.equal(copied('$ cat <<EOF\nline\n$ ls', 'bash'), 'cat <<EOF\nline\n$ ls');
  });
});
