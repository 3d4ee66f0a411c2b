#!/usr/bin/env node
// Adds diagram interchange (BPMN DI) to BPMN files written without it.
//
// Usage (from the repo root):
//   node tools/modeling/layout.mjs processes/intake.bpmn [more.bpmn ...]
//
// Each file is read, laid out with bpmn-auto-layout (layoutProcess: left-to-right grid,
// any existing DI is replaced) and written back in place. Camunda extension attributes and
// elements pass through untouched. Review the result in Camunda Modeler (or the PNG render)
// and tidy coordinates by hand where the grid layout is poor.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';

const files = process.argv.slice(2);

if (!files.length) {
  console.error('usage: node tools/modeling/layout.mjs <file.bpmn> [...]');
  process.exit(2);
}

for (const file of files) {
  const xml = await readFile(file, 'utf8');
  if (/<bpmndi:BPMNDiagram\b/.test(xml)) {
    console.warn(`${file}: existing diagram is replaced`);
  }
  const laidOut = await layoutProcess(xml);
  await writeFile(file, laidOut.endsWith('\n') ? laidOut : laidOut + '\n', 'utf8');
  console.log(`${file}: laid out`);
}
