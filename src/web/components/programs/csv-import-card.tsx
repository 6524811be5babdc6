import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, Checkbox, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiProblem, api, unwrap } from '../../api/client';
import { csvFormatHelp, csvValueHelp, readCsvFile } from './read-csv-file';

type Role = 'member' | 'guide';

// Upload a spreadsheet export. Problems come back per line and column, so the admin can fix the file.
export function CsvImportCard({
  cohortId,
  applicantRole: role,
  onImported,
}: {
  cohortId: string;
  applicantRole: Role;
  onImported: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setCsv(null);
    setReadError(null);
    if (!chosen) return;
    try {
      setCsv(await readCsvFile(chosen));
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    }
  };
  const upload = useMutation({
    mutationFn: async () => {
      if (csv === null) throw new Error(t`Choose a CSV file first.`);
      return unwrap(
        api.cohorts[':cohortId'].applications.import.$post({
          param: { cohortId },
          json: { role, csv, skipInvalid },
        }),
      );
    },
    onSuccess: onImported,
    // Clearing the input lets the admin choose the same (fixed) file again: an <input type="file">
    // that still holds it fires no change event for the same path.
    onSettled: () => {
      resetRef.current?.();
      setFile(null);
      setCsv(null);
    },
  });
  const label = role === 'member' ? t`Members` : t`Guides`;
  const rowErrors = upload.error instanceof ApiProblem ? (upload.error.problem.errors ?? []) : [];
  return (
    <Card withBorder component="section" aria-labelledby={`import-${role}`}>
      <Stack>
        <Title order={2} size="h4" id={`import-${role}`}>
          <Trans>Import {label.toLowerCase()}</Trans>
        </Title>
        <FileInput
          label={t`${label} CSV file`}
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          resetRef={resetRef}
          clearable
          clearButtonProps={{ 'aria-label': t`Clear the ${label.toLowerCase()} file` }}
        />
        <Checkbox
          label={t`Import the valid rows even if some are wrong`}
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        <Group>
          <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={csv === null}>
            <Trans>Import {label.toLowerCase()}</Trans>
          </Button>
          <Button
            component="a"
            variant="subtle"
            href={`/api/v1/cohorts/${cohortId}/applications/export?role=${role}`}
          >
            <Trans>Download {label.toLowerCase()} CSV</Trans>
          </Button>
        </Group>
        {upload.data && (
          <Alert
            color="teal"
            role="status"
            title={t`Imported ${upload.data.imported} ${label.toLowerCase()}`}
          >
            {upload.data.problems.length > 0
              ? t`${upload.data.skipped} row(s) skipped:`
              : t`Every row was valid.`}
            <RowProblems
              problems={upload.data.problems.map((p) => ({
                field: `line ${p.line}, ${p.column}`,
                message: p.message,
              }))}
            />
          </Alert>
        )}
        {readError && (
          <Alert color="red" role="alert" title={t`The file could not be read`}>
            {readError}
          </Alert>
        )}
        {upload.error && (
          <Alert color="red" role="alert" title={t`Nothing was imported`}>
            {rowErrors.length > 0 ? t`Fix these rows and upload the file again:` : upload.error.message}
            <RowProblems problems={rowErrors} />
          </Alert>
        )}
        <CsvFormat role={role} />
      </Stack>
    </Card>
  );
}

function RowProblems({ problems }: { problems: { field: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <List size="sm" mt="xs">
      {problems.slice(0, 20).map((problem) => (
        <List.Item key={`${problem.field}-${problem.message}`}>
          {problem.field}: {problem.message}
        </List.Item>
      ))}
      {problems.length > 20 && (
        <List.Item>
          <Trans>…and {problems.length - 20} more</Trans>
        </List.Item>
      )}
    </List>
  );
}

function CsvFormat({ role }: { role: Role }) {
  const { required, optional } = csvFormatHelp[role];
  const columns = new Set<string>([...required, ...optional]);
  return (
    <details>
      <summary>
        <Trans>What the file must contain</Trans>
      </summary>
      <Text size="sm" mt="xs">
        <Trans>
          A header row, then one row per {role}. Required columns: {required.join(', ')}. Optional:{' '}
          {optional.join(', ')}.
        </Trans>
      </Text>
      <List size="sm" mt="xs">
        {csvValueHelp()
          .filter((help) => columns.has(help.column))
          .map((help) => (
            <List.Item key={help.column}>
              <strong>{help.column}</strong>: {help.values}
            </List.Item>
          ))}
      </List>
    </details>
  );
}
