// sample-server: a tiny product for the uplevel demo. Reads conf/server.properties,
// serves /health and /hello, and stops cleanly on SIGTERM.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLevel, readProperties } from './util.mjs';

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const conf = readProperties(path.join(home, 'conf', 'server.properties'));
const port = Number(process.env.SAMPLE_SERVER_PORT || conf.port || 9763);
const level = readLevel(path.join(home, 'updates', 'uplevel.json'));

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', level, greeting: conf.greeting }));
  } else if (req.url === '/hello') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`${conf.greeting}\n`);
  } else {
    res.writeHead(404);
    res.end();
  }
});
server.listen(port, conf.host || '127.0.0.1', () => {
  console.log(`sample-server started on port ${port} (level ${level})`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
