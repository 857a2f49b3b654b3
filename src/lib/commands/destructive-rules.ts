/**
 * Commands that destroy data, capacity or evidence. A block that matches any rule gets a warning badge
 * and copying it asks for confirmation. Authors can also mark a block with the meta word `destructive`.
 * Patterns run per line, case-insensitively; keep each one narrow enough that read-only commands do not match.
 */
export interface DestructiveRule {
  /** Shown in the badge's tooltip and in the confirmation: what the command does. */
  reason: string;
  pattern: RegExp;
}

export const DESTRUCTIVE_RULES: readonly DestructiveRule[] = [
  { reason: 'drops a database object', pattern: /\bdrop\s+(?:table|database|schema|index|view|user|role)\b/i },
  { reason: 'empties a table', pattern: /\btruncate\s+(?:table\s+)?\w/i },
  { reason: 'deletes rows', pattern: /\bdelete\s+from\b/i },
  { reason: 'empties Redis', pattern: /\bflush(?:all|db)\b/i },
  { reason: 'deletes files recursively', pattern: /\brm\s+(?:-\w*r\w*f\w*|-\w*f\w*r\w*|--recursive\b.*--force|--force\b.*--recursive)/i },
  { reason: 'deletes Kubernetes resources', pattern: /\bkubectl\b.*\s(?:delete|drain)\s/i },
  { reason: 'terminates database sessions', pattern: /\bpg_terminate_backend\s*\(/i },
  { reason: 'removes Docker data', pattern: /\bdocker(?:-compose|\s+compose)?\s+(?:system|volume|image|container)\s+prune\b|\bdocker-compose\s+down\s+-v\b/i },
  { reason: 'forces an operation past its safety checks', pattern: /(?:^|\s)--force(?:-[\w-]+)?(?=\s|$|=)/i },
  { reason: 'scales to zero', pattern: /--replicas[= ]0\b|"replicas"\s*:\s*0\b/i },
  { reason: 'overwrites a database from a dump', pattern: /\bpg_restore\b|\bpsql\b[^|]*<\s*\S+\.sql\b/i },
  { reason: 'rolls a database schema back', pattern: /\balembic\s+downgrade\b|\bmigrate\s+(?:reset|resolve\s+--rolled-back)\b/i },
  { reason: 'blocks network traffic', pattern: /\biptables\s+-[AI]\b.*-j\s+DROP\b/i },
];

/** The reasons `code` is destructive, one per matching rule; empty when it is not. */
export function destructiveReasons(code: string): string[] {
  const lines = code.split('\n').filter((line) => !/^\s*(?:#|--|\/\/)/.test(line));
  return DESTRUCTIVE_RULES.filter((rule) => lines.some((line) => rule.pattern.test(line))).map((rule) => rule.reason);
}
