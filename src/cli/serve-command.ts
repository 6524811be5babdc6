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
      // SIGTERM (an orchestrator, systemd) and Ctrl-C stop gracefully: requests in flight and running
      // jobs finish within CORNER_SHUTDOWN_SECONDS, then the database closes and the process exits 0.
      // A second signal, or a stop that hangs past both bounds, exits at once.
      const stop = async (signal: NodeJS.Signals) => {
        if (stopping) {
          console.log(`${signal} again: exiting without waiting.`);
          process.exit(1);
        }
        stopping = true;
        console.log(`${signal}: stopping Corner (finishing requests and jobs in flight)…`);
        setTimeout(
          () => {
            console.error('Corner did not stop in time; exiting.');
            process.exit(1);
          },
          2 * config.shutdownTimeoutMs + 5_000,
        ).unref();
        try {
          await server.close();
        } catch (error) {
          console.error('Corner did not stop cleanly:', error);
          process.exit(1);
        }
        console.log('Corner stopped.');
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
