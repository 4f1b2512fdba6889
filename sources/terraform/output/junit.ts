import type { IacReport } from './report.js';

/**
 * JUnit XML for CI systems without SARIF: one test case per requirement. FAIL is a failure, ERROR an error,
 * NOT VERIFIABLE, SKIP and MANUAL are skipped with the reason (they neither pass nor fail).
 */
export function formatJunit(report: IacReport): string {
  const s = report.summary;
  const cases = report.controls.map((c) => {
    const open = `    <testcase classname="${xml(`${report.benchmark.id}.${c.section}`)}" name="${xml(`${c.id} ${c.title}`)}">`;
    const detail = c.resources.map((r) => `${r.resource_id} (${(c.terraform[r.resource_id]?.addresses ?? []).join(', ')}): ${r.reason}`).join('\n');
    if (c.status === 'FAIL') return `${open}\n      <failure message="${xml(c.reason)}" type="FAIL">${xml(detail)}</failure>\n    </testcase>`;
    if (c.status === 'ERROR') return `${open}\n      <error message="${xml(c.reason)}" type="ERROR"/>\n    </testcase>`;
    if (c.status === 'PASS') return `${open}</testcase>`;
    return `${open}\n      <skipped message="${xml(`${c.status}: ${c.reason}`)}"/>\n    </testcase>`;
  });
  const skipped = s.not_verifiable + s.skip + s.manual;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="calabi iac" tests="${report.controls.length}" failures="${s.fail}" errors="${s.error}" skipped="${skipped}">`,
    `  <testsuite name="${xml(report.benchmark.id)}" tests="${report.controls.length}" failures="${s.fail}" errors="${s.error}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** XML 1.0 text: the five entities, and characters XML cannot carry dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
