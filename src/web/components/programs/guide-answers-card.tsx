import { t } from '@lingui/core/macro';
import { Plural, Trans } from '@lingui/react/macro';
import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../problem-alert';

// How many of the applicants who fit them each guide ranked or scored: a count only. A guide's opinion
// of a member stays theirs; the admin needs only to know who has answered before running matching.
export function GuideAnswersCard({ cohortId }: { cohortId: string }) {
  const answers = useQuery({
    queryKey: ['guide-answers', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId']['guide-answers'].$get({ param: { cohortId } })),
  });
  if (answers.error)
    return <ProblemAlert error={answers.error} title={t`Could not load the guides’ answers`} />;
  if (!answers.data) return null;
  const guides = answers.data.guides;
  const answered = guides.filter((guide) => guide.answered > 0).length;
  const total = guides.length;
  return (
    <Card withBorder component="section" aria-labelledby="guide-answers-title">
      <Title order={2} size="h3" id="guide-answers-title">
        <Trans>Guides’ rankings</Trans>
      </Title>
      {guides.length === 0 ? (
        <Text mt="xs">
          <Trans>
            No guide has confirmed joining yet. Once they do, they can rank or score the applicants who fit
            them, and you see here how many they answered.
          </Trans>
        </Text>
      ) : (
        <>
          <Text mt="xs">
            <Trans>
              {answered} of <Plural value={total} one="# guide" other="# guides" /> ranked or scored their
              applicants. The stable match uses their answers; for the rest the fit decides. You see counts
              only, never their scores.
            </Trans>
          </Text>
          <Table mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Trans>Guide</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Applicants who fit</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Ranked or scored</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guides.map((guide) => (
                <Table.Tr key={guide.guideApplicationId}>
                  <Table.Th scope="row">{guide.name}</Table.Th>
                  <Table.Td>{guide.fitting}</Table.Td>
                  <Table.Td>{guide.answered === 0 ? t`not yet` : guide.answered}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
