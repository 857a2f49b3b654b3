import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyConsoleLines, consoleCommands } from '../../../src/lib/commands/console-session.ts';

describe('console sessions', () => {
  test('copies commands without prompts or output', () => {
    const session = ['$ kubectl get pods', 'NAME     READY   STATUS', 'api-1    1/1     Running', '$ echo done  ', 'done'].join('\n');
    assert.equal(consoleCommands(session), 'kubectl get pods\necho done');
  });

  test('root prompts and user@host prompts', () => {
    assert.equal(consoleCommands('# systemctl restart redis\nroot@db-1:~# df -h\nFilesystem Size'), 'systemctl restart redis\ndf -h');
  });

  test('continuation lines after a backslash, with or without "> "', () => {
    const session = ['$ psql -h db \\', '>   -c "select 1"', ' ?column?', '$ curl -s \\', '  https://api/health', 'ok'].join('\n');
    assert.equal(consoleCommands(session), 'psql -h db \\\n  -c "select 1"\ncurl -s \\\n  https://api/health');
  });

  test('classifies each line', () => {
    assert.deepEqual(classifyConsoleLines('$ a \\\n> b\nout'), [
      { kind: 'command', promptLength: 2 },
      { kind: 'continuation', promptLength: 2 },
      { kind: 'output' },
    ]);
  });
});
