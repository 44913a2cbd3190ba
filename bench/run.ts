/**
 * `npm run bench` runs every benchmark; `npm run bench -- score` (or stream, text, pdf, export, web, server) runs one.
 * `npm run bench -- stream 10000 100000` picks the NDJSON sizes. Results go to stdout; record them in
 * bench/README.md with the machine and date.
 */
import { cpus } from 'node:os';

const [only, ...rest] = process.argv.slice(2);
const names = ['score', 'stream', 'text', 'pdf', 'export', 'web', 'server'] as const;
type Name = (typeof names)[number];

if (only !== undefined && !names.includes(only as Name)) {
  console.error(`unknown benchmark "${only}"; choose one of ${names.join(', ')}`);
  process.exit(2);
}

console.log(`# ${new Date().toISOString()}  node ${process.version}  ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
const numbers = rest.map(Number).filter((n) => Number.isFinite(n) && n > 0);
const run = async (name: Name): Promise<void> => {
  switch (name) {
    case 'score':
      return (await import('./score.bench.js')).benchScore(numbers[0]);
    case 'stream':
      return (await import('./stream.bench.js')).benchStream(numbers.length > 0 ? numbers : undefined);
    case 'text':
      return (await import('./text.bench.js')).benchText(numbers[0]);
    case 'pdf':
      return (await import('./pdf.bench.js')).benchPdf(numbers[0]);
    case 'export':
      return (await import('./export/export.bench.js')).benchExport(numbers[0]);
    case 'web':
      return (await import('./web/web.bench.js')).benchWeb(numbers[0]);
    case 'server':
      return (await import('./server/server.bench.js')).benchServer(numbers[0], numbers[1]);
  }
};
for (const name of only ? [only as Name] : names) await run(name);
