/**
 * Literal credentials that must never be written in a runbook, `environments.yaml` or the built site. Whatever is
 * committed here is published to everyone who can read the site, and pasted into shells and chat during incidents.
 *
 * Each rule names the secret it finds with a `secret` capture group; a match whose secret is a `{{placeholder}}`,
 * a shell variable (`$TOKEN`, `${DB_PASS}`, `$(vault read …)`), an `<angle placeholder>` or a mask (`****`) is
 * not a literal and is fine. Keep patterns narrow: a false alarm on every page teaches people to ignore the check.
 */
export interface SecretRule {
  /** Stable id, for JSON output and tests. */
  id: string;
  /** What was found, as the message names it. */
  name: string;
  /** Must have a `secret` group: the literal part, where the message points and what `isLiteral` judges. */
  pattern: RegExp;
  /** Only on lines that also match this: keys with no shape of their own (32 hex digits are also MD5 sums). */
  context?: RegExp;
}

// Key names whose value is a credential: the word must end the key (`db_password`, `PGPASSWORD`, `api_token`),
// so that `token_expiry=3600` and `max_tokens=100` are not secrets. `pwd` only with a prefix (`MYSQL_PWD`):
// the shell's own `PWD=/home/x` is a directory.
const KEY = '[A-Za-z0-9_.-]*?(?:password|passwd|[_-]pwd|token|secret|secret[_-]?key|api[_-]?key|access[_-]?key|private[_-]?key)';
// A value runs until whitespace, a quote or what ends it in a shell, URL or JSON.
const VALUE = String.raw`[^\s"'&;,)}\]]+`;
// An optional opening quote, escaped as JSON and JavaScript strings write it: `PGPASSWORD=\"$DB_PASSWORD\"` in the
// search index is the variable, not a password starting with a backslash.
const QUOTE = String.raw`\\?["']?`;
// The rest of one shell command: what lies between the tool's name and its flag (not past `;`, `|`, `&` or a line end),
// bounded so that a hostile line of ten thousand `mysql` words costs no quadratic time.
const SAME_COMMAND = String.raw`[^\n;|&]{0,300}?[ \t]`;
// A password as a shell word, after an optional opening quote: `-pS3cret`, `-p"S3cret"`, `-p'S3cret'`.
const WORD = String.raw`["']?(?<secret>[^\s"'\x60;|&)]+)`;

// Rules that know the shape of a secret come first: when two find the same one, the first names it.
export const SECRET_RULES: readonly SecretRule[] = [
  { id: 'aws-access-key', name: 'AWS access key ID', pattern: /\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/ },
  { id: 'private-key', name: 'private key block', pattern: /(?<secret>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)/ },
  {
    id: 'url-credentials',
    name: 'password in a connection URL',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:(?<secret>[^\s/@'"]+)@/i,
  },
  {
    id: 'authorization-header',
    name: 'literal bearer token',
    // Real tokens are long and contain digits; "a bearer token" in prose is neither.
    pattern: /\b(?:Bearer|Basic|token)[ \t]+(?<secret>(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*)/i,
  },
  {
    id: 'slack-webhook',
    name: 'Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/-]{8,})/,
  },
  { id: 'slack-token', name: 'Slack token', pattern: /\b(?<secret>xox[abposr]-[0-9A-Za-z-]{10,})/ },
  {
    id: 'discord-webhook',
    name: 'Discord webhook URL',
    pattern: /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/webhooks\/(?<secret>\d+\/[\w-]+)/,
  },
  {
    id: 'teams-webhook',
    name: 'Microsoft Teams webhook URL',
    pattern: /https:\/\/(?:[\w-]+\.webhook\.office\.com\/webhookb2|outlook\.office(?:365)?\.com\/webhook)\/(?<secret>[\w@/-]{8,})/,
  },
  {
    id: 'teams-workflow',
    name: 'Microsoft Teams workflow URL with its signature',
    pattern: /https:\/\/[\w.-]+\.logic\.azure\.com(?::\d+)?\/workflows\/[^\s"'<>]*?[?&]sig=(?<secret>[\w%-]{8,})/,
  },
  { id: 'github-token', name: 'GitHub token', pattern: /\b(?<secret>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  {
    id: 'pagerduty-key',
    name: 'PagerDuty routing or integration key',
    pattern: /(?<![0-9a-f])(?<secret>[0-9a-f]{32})(?![0-9a-f])/i,
    context: /pagerduty|routing[_-]?key|integration[_-]?key|service[_-]?key/i,
  },
  {
    id: 'mysql-password',
    name: 'MySQL password written after -p',
    // Only the attached form is a password: `-p S3cret` prompts, and `S3cret` is then the database. `-P` is the port.
    pattern: new RegExp(String.raw`\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mariadb(?:-dump|-admin)?)\b${SAME_COMMAND}-p${WORD}`),
  },
  {
    id: 'curl-user',
    name: 'password in curl -u user:password',
    // Without `:password` curl prompts, which is fine.
    pattern: new RegExp(String.raw`\bcurl\b${SAME_COMMAND}(?:-u|--user)[ \t]*["']?[^\s:"']*:(?<secret>[^\s"'\x60;|&)]+)`),
  },
  {
    id: 'sshpass-password',
    name: 'password given to sshpass -p',
    // Only sshpass's own options, before the command it runs: `ssh -p 22` is a port.
    pattern: new RegExp(String.raw`\bsshpass(?:[ \t]+-[vh]|[ \t]+-P[ \t]*\S+)*[ \t]+-p[ \t]*${WORD}`),
  },
  {
    id: 'redis-password',
    name: 'password given to redis-cli -a',
    pattern: new RegExp(String.raw`\bredis-cli\b${SAME_COMMAND}(?:-a|--pass)[ \t]+${WORD}`),
  },
  {
    id: 'docker-login-password',
    name: 'password given to docker login -p',
    // `--password-stdin` reads it from a pipe, which is the safe way; `--password S3cret` is the flag rule's.
    pattern: new RegExp(String.raw`\b(?:docker|podman|nerdctl)[ \t]+login\b${SAME_COMMAND}-p[ \t]*${WORD}`),
  },
  {
    id: 'assignment',
    name: 'credential assigned a literal value',
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])${KEY}[ \t]*=[ \t]*${QUOTE}(?<secret>${VALUE})`, 'i'),
  },
  {
    id: 'yaml-json-key',
    name: 'credential given a literal value',
    // `db_password: hunter2` as a YAML key (at the start of a line) or `"token": "…"` in JSON; not prose such as
    // "Rotate the token: run …".
    pattern: new RegExp(String.raw`(?:^[ \t]*(?:-[ \t]+)?${KEY}|"${KEY}")[ \t]*:[ \t]*${QUOTE}(?<secret>${VALUE})`, 'im'),
  },
  {
    id: 'command-line-flag',
    name: 'credential passed as a literal command-line argument',
    pattern: /(?<![\w-])--(?:[\w-]*-)?(?:password|passwd|token|secret|api-key)[ \t]+["']?(?<secret>[^\s"'-][^\s"']*)/i,
  },
];

/** One literal secret in a text. */
export interface SecretFinding {
  rule: SecretRule;
  /** Counting from 1; the column is where the secret itself starts. */
  line: number;
  column: number;
  /** Where the secret starts in the text, counting from 0, and the secret as written. */
  offset: number;
  secret: string;
}

/** Values that stand for a secret rather than being one. */
const NOT_LITERAL = [
  /^\\?\{\{/, // {{placeholder}}, also in templates of other tools
  /^\$/, // $TOKEN, ${DB_PASS}, $(vault read …)
  /^[<{%]/, // <password>, {password} (format strings), %PASSWORD%
  /^(?:\*+|x{3,}|X{3,}|\.{3,}|…)$/, // masks
];

/** False for a `{{placeholder}}`, a shell variable, an `<angle placeholder>` or a mask. */
export function isLiteral(value: string): boolean {
  return !NOT_LITERAL.some((pattern) => pattern.test(value));
}

const GLOBAL_RULES = SECRET_RULES.map((rule) => ({ rule, pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags}gd`) }));

/** Every literal secret in `text`, in order. */
export function findSecrets(text: string): SecretFinding[] {
  const lineStarts = lineStartsOf(text);
  const findings: SecretFinding[] = [];
  for (const { rule, pattern } of GLOBAL_RULES) {
    for (const match of text.matchAll(pattern)) {
      const span = match.indices?.groups?.['secret'];
      const secret = match.groups?.['secret'];
      if (!span || secret === undefined) continue;
      if (!isLiteral(secret)) continue;
      const line = lineIndex(lineStarts, span[0]);
      const lineStart = lineStarts[line] ?? 0;
      if (rule.context) {
        const lineEnd = text.indexOf('\n', lineStart);
        if (!rule.context.test(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd))) continue;
      }
      findings.push({ rule, line: line + 1, column: span[0] - lineStart + 1, offset: span[0], secret });
    }
  }
  // Two rules can see the same secret (`PGPASSWORD=…` inside a URL line); one report per place is enough.
  const seen = new Set<number>();
  return findings.sort((a, b) => a.offset - b.offset).filter((finding) => !seen.has(finding.offset) && seen.add(finding.offset));
}

/** The offset of every line's first character. */
export function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return lineStarts;
}

/** Index of the line holding `offset` (counting from 0), by binary search over the line starts. */
export function lineIndex(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
