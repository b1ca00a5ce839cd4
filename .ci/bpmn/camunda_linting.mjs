// The Zeebe dialect through @camunda/linting, the linter Camunda Modeler
// (desktop and web) runs, for every supported Camunda 8 version.
//
// Usage: node camunda_linting.bundle.mjs FILE.bpmn ...
// @camunda/linting is written for bundlers (imports without extensions,
// JSON modules), so .ci/run bundles this file with esbuild first:
//   esbuild camunda_linting.mjs --bundle --platform=node --format=esm --outfile=...
//
// The linter picks its rules from the file's modeler:executionPlatformVersion,
// as the Modeler does; each file is linted once per version with that
// attribute set to the version (the same file, declared for it). Any report
// fails. A file the linter must reject (a notification service task
// without its job type) checks that the check can fail.
import fs from 'node:fs';
import { Linter } from '@camunda/linting';

const VERSIONS = ['8.5', '8.6', '8.7', '8.8'];

function forVersion(xml, version) {
  const declared = /modeler:executionPlatformVersion="[^"]*"/;
  if (!declared.test(xml)) throw new Error('no modeler:executionPlatformVersion');
  return xml.replace(declared, `modeler:executionPlatformVersion="${version}.0"`);
}

async function reportsOf(linter, xml, version) {
  return linter.lint(forVersion(xml, version));
}

/** The check must be able to fail. */
async function brokenIsRejected(linter, xml) {
  const broken = xml.replace(/<zeebe:taskDefinition type="flowc-notification"\/>/, '');
  if (broken === xml) throw new Error('no notification service task to break');
  const reports = await reportsOf(linter, broken, VERSIONS[0]);
  const rejected = reports.some((report) => report.category === 'error');
  console.log(`a notification service task without its job type: ${rejected ? 'rejected' : 'ACCEPTED'}`);
  return rejected;
}

async function main() {
  const files = process.argv.slice(2);
  const linter = new Linter({ modeler: 'desktop', type: 'cloud' });
  let failures = 0;
  let linted = 0;
  for (const version of VERSIONS) {
    for (const file of files) {
      const xml = fs.readFileSync(file, 'utf8');
      for (const report of await reportsOf(linter, xml, version)) {
        failures += 1;
        console.error(`FAIL Camunda ${version} ${file} ${report.id}: ${report.category} ${report.rule}: ${report.message}`);
      }
      linted += 1;
    }
  }
  console.log(`@camunda/linting: ${files.length} files x ${VERSIONS.length} versions (${VERSIONS.join(', ')}) = ${linted} lints, ${failures} reports`);
  const rejected = await brokenIsRejected(linter, fs.readFileSync(files[0], 'utf8'));
  if (failures || linted === 0 || !rejected) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
