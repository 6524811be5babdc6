import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { Actor } from '../server/auth/actor';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/client';
import { cohorts, programAdmins, user } from '../server/db/schema';
import { Problem } from '../server/http/problem';
import { exportApplications } from '../server/programs/export-applications';
import { importApplications } from '../server/programs/import-applications';
import { openRuntime } from '../server/runtime';

// Admins' spreadsheet work from the command line, through the same operations as the API: the CLI acts
// as one of the program's admins.
export function registerProgramCommand(program: Command): void {
  const programs = program.command('program').description('program admin work: CSV import and export');
  programs
    .command('import')
    .description(
      'import members or guides from a CSV file into a cohort (all or nothing unless --skip-invalid)',
    )
    .requiredOption('--cohort <id>', 'the cohort id')
    .requiredOption('--role <role>', 'member or guide')
    .option('--skip-invalid', 'import the valid rows and report the rest', false)
    .argument('<file>', 'the CSV file')
    .action(async (file: string, options: { cohort: string; role: string; skipInvalid: boolean }) => {
      const role = parseRole(options.role);
      const csv = fs.readFileSync(file, 'utf8');
      await withCohortAdmin(options.cohort, async (db, actor) => {
        const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} rows', hideCursor: true });
        let started = false;
        try {
          const result = await importApplications(
            db,
            actor,
            options.cohort,
            { role, csv, skipInvalid: options.skipInvalid },
            (done, total) => {
              if (!started) bar.start(total, 0);
              started = true;
              bar.update(done);
            },
          );
          if (started) bar.stop();
          console.log(`Imported ${result.imported} ${role}${result.imported === 1 ? '' : 's'}.`);
          for (const problem of result.problems)
            console.log(`Skipped line ${problem.line}, ${problem.column}: ${problem.message}`);
        } catch (error) {
          if (started) bar.stop();
          if (error instanceof Problem && error.errors) {
            console.error(`Nothing was imported. ${error.errors.length} problem(s):`);
            for (const e of error.errors) console.error(`  ${e.field}: ${e.message}`);
            process.exitCode = 1;
            return;
          }
          throw error;
        }
      });
    });
  programs
    .command('export')
    .description('export a cohort’s members or guides as CSV (to stdout or --out)')
    .requiredOption('--cohort <id>', 'the cohort id')
    .requiredOption('--role <role>', 'member or guide')
    .option('--out <file>', 'write to this file')
    .action(async (options: { cohort: string; role: string; out?: string }) => {
      const role = parseRole(options.role);
      await withCohortAdmin(options.cohort, async (db, actor) => {
        const csv = await exportApplications(db, actor, options.cohort, role);
        if (options.out) fs.writeFileSync(options.out, csv);
        else process.stdout.write(csv);
      });
    });
}

function parseRole(role: string): 'member' | 'guide' {
  if (role === 'member' || role === 'guide') return role;
  throw new Problem(422, 'invalid-role', `--role must be member or guide, not "${role}".`, 'role');
}

async function withCohortAdmin(
  cohortId: string,
  work: (db: Db, actor: Actor) => Promise<void>,
): Promise<void> {
  const runtime = await openRuntime(loadConfig());
  try {
    const db = runtime.database.db;
    const [admin] = await db
      .select({ userId: user.id, email: user.email, name: user.name, timeZone: user.timeZone })
      .from(cohorts)
      .innerJoin(programAdmins, eq(programAdmins.programId, cohorts.programId))
      .innerJoin(user, eq(user.id, programAdmins.userId))
      .where(eq(cohorts.id, cohortId))
      .limit(1);
    if (!admin) throw new Problem(404, 'not-found', `No cohort with id ${cohortId}.`);
    await work(db, admin);
  } finally {
    await runtime.close();
  }
}
