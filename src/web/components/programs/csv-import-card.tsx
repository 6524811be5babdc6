import { Alert, Button, Card, Checkbox, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, api, unwrap } from '../../api/client';

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
  const [skipInvalid, setSkipInvalid] = useState(false);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('Choose a CSV file first.');
      const csv = await file.text();
      return unwrap(
        api.cohorts[':cohortId'].applications.import.$post({
          param: { cohortId },
          json: { role, csv, skipInvalid },
        }),
      );
    },
    onSuccess: onImported,
  });
  const label = role === 'member' ? 'Members' : 'Guides';
  const rowErrors = upload.error instanceof ApiProblem ? (upload.error.problem.errors ?? []) : [];
  return (
    <Card withBorder component="section" aria-labelledby={`import-${role}`}>
      <Stack>
        <Title order={2} size="h4" id={`import-${role}`}>
          Import {label.toLowerCase()}
        </Title>
        <FileInput
          label={`${label} CSV file`}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': `Clear the ${label.toLowerCase()} file` }}
        />
        <Checkbox
          label="Import the valid rows even if some are wrong"
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        <Group>
          <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={!file}>
            Import {label.toLowerCase()}
          </Button>
          <Button
            component="a"
            variant="subtle"
            href={`/api/v1/cohorts/${cohortId}/applications/export?role=${role}`}
          >
            Download {label.toLowerCase()} CSV
          </Button>
        </Group>
        {upload.data && (
          <Alert color="teal" role="status" title={`Imported ${upload.data.imported} ${label.toLowerCase()}`}>
            {upload.data.problems.length > 0
              ? `${upload.data.skipped} row(s) skipped:`
              : 'Every row was valid.'}
            <RowProblems
              problems={upload.data.problems.map((p) => ({
                field: `line ${p.line}, ${p.column}`,
                message: p.message,
              }))}
            />
          </Alert>
        )}
        {upload.error && (
          <Alert color="red" role="alert" title="Nothing was imported">
            {rowErrors.length > 0 ? 'Fix these rows and upload the file again:' : upload.error.message}
            <RowProblems problems={rowErrors} />
          </Alert>
        )}
        <Text size="xs">
          {role === 'member'
            ? 'Columns: email, name, organization, time_zone, languages, formats, goal, skill_gaps, style, structure, seniority'
            : 'Columns: email, name, organization, time_zone, languages, formats, expertise, capacity, availability, style, structure, approach, works_with'}
        </Text>
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
      {problems.length > 20 && <List.Item>…and {problems.length - 20} more</List.Item>}
    </List>
  );
}
