#!/usr/bin/env node
// Renders BPMN models to PNG with the bpmn-js viewer the application ships (tools/replay/vendor.sh
// copies it to src/main/resources/static/audit/vendor/) in headless Chromium.
//
// Usage (from the repo root):
//   node tools/modeling/render.mjs                      every processes/*.bpmn to docs/images/models/<name>.png
//   node tools/modeling/render.mjs processes/intake.bpmn [...] [--out dir]
//
// The page follows the diagram's DI bounds with room for labels bpmn-js places itself; ImageMagick
// trims the shot to the drawing and a 20 px white margin, so a PNG shows the whole diagram at 100 %
// zoom, the way Camunda Modeler shows it. Needs node, chromium and convert (ImageMagick) on the PATH.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vendorRoot = join(repoRoot, 'src/main/resources/static/audit/vendor');
const vendor = join(vendorRoot, readdirSync(vendorRoot).find((name) => name.startsWith('bpmn-js-')));
const margin = 20;
/** Room around the DI bounds for labels without bounds of their own (bpmn-js centres them under the shape). */
const slack = 80;

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? resolve(args.splice(outIndex, 2)[1]) : join(repoRoot, 'docs/images/models');
const files = args.length
  ? args.map((file) => resolve(file))
  : readdirSync(join(repoRoot, 'processes')).filter((name) => name.endsWith('.bpmn')).sort()
      .map((name) => join(repoRoot, 'processes', name));

/** The box around every shape, edge waypoint and label of the first (main) diagram. */
function diagramBounds(xml) {
  const main = xml.split('</bpmndi:BPMNPlane>')[0];
  const xs = [];
  const ys = [];
  for (const match of main.matchAll(/<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    const [x, y, w, h] = match.slice(1).map(Number);
    xs.push(x, x + w);
    ys.push(y, y + h);
  }
  for (const match of main.matchAll(/<di:waypoint x="([-\d.]+)" y="([-\d.]+)"/g)) {
    xs.push(Number(match[1]));
    ys.push(Number(match[2]));
  }
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

const work = mkdtempSync(join(tmpdir(), 'bpmn-render-'));
try {
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const box = diagramBounds(xml);
    const width = Math.ceil(box.width + 2 * slack);
    const height = Math.ceil(box.height + 2 * slack);
    const page = join(work, 'page.html');
    writeFileSync(page, `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${vendor}/diagram-js.css">
<link rel="stylesheet" href="file://${vendor}/bpmn-js.css">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: #fff; overflow: hidden; }
.bjs-powered-by { display: none; }</style>
<script src="file://${vendor}/bpmn-navigated-viewer.production.min.js"></script>
</head><body><div id="canvas"></div>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml).replace(/</g, '\\u003c')}).then(() => {
    viewer.get('canvas').viewbox({ x: ${box.x - slack}, y: ${box.y - slack}, width: ${width}, height: ${height} });
  }).catch((error) => { document.body.textContent = 'import failed: ' + error.message; });
</script></body></html>`);
    const png = join(outDir, basename(file).replace(/\.bpmn$/, '.png'));
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
      '--allow-file-access-from-files', '--virtual-time-budget=5000',
      // a window taller than the drawing: headless Chromium's viewport is shorter than its window
      `--window-size=${width},${height + 200}`,
      `--screenshot=${png}`, `file://${page}`], { stdio: 'ignore' });
    execFileSync('convert', [png, '-trim', '+repage', '-bordercolor', 'white', '-border', String(margin), png]);
    const size = execFileSync('identify', ['-format', '%wx%h', png]).toString();
    console.log(`${png.replace(repoRoot + '/', '')}: ${size}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
