// Parses every Zeebe-dialect BPMN file with bpmn-moddle and the
// zeebe-bpmn-moddle extension; any import warning (unknown element or
// attribute, unresolved reference) fails the check.
const fs = require('fs');
const { BpmnModdle } = require('bpmn-moddle');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');

async function main() {
  const files = process.argv.slice(2);
  const moddle = new BpmnModdle({ zeebe });
  let failed = false;
  for (const file of files) {
    const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
    const users = rootElement.rootElements
      .filter((e) => e.$type === 'bpmn:Process')
      .flatMap((p) => p.flowElements || [])
      .filter((e) => e.$type === 'bpmn:UserTask');
    const withoutZeebe = users.filter((task) => {
      const values = (task.extensionElements && task.extensionElements.values) || [];
      return !values.some((v) => v.$type === 'zeebe:UserTask')
        || !values.some((v) => v.$type === 'zeebe:AssignmentDefinition');
    });
    if (warnings.length || withoutZeebe.length) {
      failed = true;
      console.error(`${file}:`);
      for (const warning of warnings) console.error(`  warning: ${warning.message}`);
      for (const task of withoutZeebe) console.error(`  ${task.id}: no zeebe:userTask / zeebe:assignmentDefinition`);
    }
  }
  console.log(`parsed ${files.length} files with zeebe-bpmn-moddle${failed ? ': warnings above' : ', no warnings'}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => { console.error(error); process.exit(1); });
