import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { destructiveReasons } from '../../../src/lib/commands/destructive-rules.ts';

describe('destructive command rules', () => {
  const destructive = [
    'DROP TABLE documents;',
    'drop database audit_app;',
    'TRUNCATE audit_log;',
    'DELETE FROM users WHERE id = 1;',
    'redis-cli FLUSHALL',
    'docker exec redis redis-cli FLUSHDB',
    'rm -rf /tmp/etl_downloads/*',
    'rm -fr /var/lib/data',
    'kubectl delete deployment architect-api -n prod',
    'kubectl --context prod drain node-1 --ignore-daemonsets',
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle';",
    'docker system prune -a',
    'aws ecs update-service --cluster co-prod --service api --force-new-deployment',
    'kubectl scale deployment api --replicas=0 -n prod',
    `kubectl patch deployment api -p '{"spec":{"replicas":0}}'`,
    'pg_restore -U postgres -d audit_app /backups/latest.dump',
    'psql $DATABASE_URL < backup.sql',
    'docker exec backend alembic downgrade -1',
    'iptables -A INPUT -s 1.2.3.4 -j DROP',
    'git push --force-with-lease origin main',
  ];
  for (const command of destructive) {
    test(`flags: ${command}`, () => assert.notDeepEqual(destructiveReasons(command), []));
  }

  const safe = [
    'kubectl get pods -n prod',
    'kubectl rollout restart deployment/api -n prod',
    'kubectl scale deployment api --replicas=10 -n prod',
    "SELECT pid, now() - query_start FROM pg_stat_activity WHERE state != 'idle';",
    'redis-cli INFO memory',
    'rm backup.sql.gz',
    'docker logs backend --tail=100',
    'pg_dump $DATABASE_URL | gzip > backup.sql.gz',
    'VACUUM (VERBOSE, ANALYZE);',
    '# kubectl delete pod is not run here: a comment',
  ];
  for (const command of safe) {
    test(`does not flag: ${command}`, () => assert.deepEqual(destructiveReasons(command), []));
  }
});
