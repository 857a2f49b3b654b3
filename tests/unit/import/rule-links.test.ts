import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRuleFile } from '../../../src/lib/alerts/prometheus-rules.ts';
import { DEFAULT_SEVERITY_MAP, rulesSeverity } from '../../../src/lib/import/rule-links.ts';

describe('rule labels and severities', () => {
  test("parseRuleFile reads each rule's own labels, anchors and merge keys resolved, in both rule file forms", () => {
    const plain = `groups:
  - name: g
    rules:
      - alert: A
        expr: up == 0
        labels: &page { severity: critical, team: db, priority: 1 }
      - alert: B
        labels:
          <<: *page
          severity: Warning
      - alert: C
        labels: [not, a, map]
`;
    assert.deepEqual(
      parseRuleFile(plain).rules.map((rule) => [rule.alert, rule.labels]),
      [
        ['A', { severity: 'critical', team: 'db', priority: '1' }],
        ['B', { severity: 'Warning', team: 'db', priority: '1' }],
        ['C', undefined],
      ],
    );
    const manifest = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
spec:
  groups:
    - name: g
      rules:
        - alert: D
          labels:
            severity: info
`;
    assert.deepEqual(parseRuleFile(manifest).rules[0]?.labels, { severity: 'info' });
  });

  test('the highest severity of the labels, in any letter case; labels nothing maps are listed', () => {
    const rule = (severity?: string) => ({
      alert: 'A',
      document: 0,
      path: [],
      line: 1,
      column: 1,
      runbookUrl: undefined,
      file: 'r.yml',
      labels: severity ? { severity } : {},
    });
    assert.deepEqual(rulesSeverity([rule('Warning'), rule('info')], DEFAULT_SEVERITY_MAP), {
      severity: 'high',
      labels: [
        { label: 'warning', severity: 'high' },
        { label: 'info', severity: 'low' },
      ],
    });
    assert.deepEqual(rulesSeverity([rule('none'), rule()], DEFAULT_SEVERITY_MAP), { severity: undefined, labels: [{ label: 'none', severity: undefined }] });
    assert.equal(rulesSeverity([rule('P1')], { ...DEFAULT_SEVERITY_MAP, p1: 'critical' }).severity, 'critical');
  });
});
