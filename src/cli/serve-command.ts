import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { startWebServer } from '../server/main';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and API (embedded database unless DATABASE_URL is set)')
    .action(async () => {
      const config = loadConfig();
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `the embedded database in ${config.dataDir}`;
      console.log(`Starting Corner on ${where}…`);
      const server = await startWebServer(config);
      console.log(`Corner is ready at ${server.url}`);
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.log('Stopping Corner…');
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
