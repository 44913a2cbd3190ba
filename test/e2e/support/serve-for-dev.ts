/**
 * Starts the e2e server by hand, for looking at the web app: `node --import tsx test/e2e/support/serve-for-dev.ts`.
 * Prints the URL and the users; Ctrl+C stops it and deletes the temp database.
 */
import { fileURLToPath } from 'node:url';
import { e2ePassword, e2eUsers, startE2eServer } from './e2e-server.js';

const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const server = await startE2eServer(webRoot);
console.log(
  `${server.url}  users: ${Object.values(e2eUsers)
    .map((u) => u.username)
    .join(', ')}  password: ${e2ePassword}`,
);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
