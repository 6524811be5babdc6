import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Checkbox, Select, Switch, Text } from '@mantine/core';
import { useRelationships } from '../api/relationship-queries';

export type GuideChoice = { relationshipId: string; guideName: string };

// Shared feedback is read by one relationship's guide (the server asks which): the relationships in
// which I am the member and that have started are the guides I can share with.
export function useGuideChoices(): { choices: GuideChoice[]; isPending: boolean } {
  const relationships = useRelationships();
  const choices = (relationships.data?.relationships ?? [])
    .filter((r) => r.myRole === 'member' && (r.status === 'active' || r.status === 'closed'))
    .map((r) => ({ relationshipId: r.id, guideName: r.other?.name ?? r.inviteeEmail }));
  return { choices, isPending: relationships.isPending };
}

type Props = {
  choices: GuideChoice[];
  /** The relationship whose guide reads it, or null while it stays mine alone. */
  value: string | null;
  onChange: (relationshipId: string | null) => void;
  /** A new request is asked with a checkbox and a longer label; a sent one shows a switch. */
  variant: 'new' | 'sent';
  disabled?: boolean;
};

const NOBODY = '';

// One guide: a yes/no, the guide named so the member knows who reads it. Several: a pick, so the
// request never goes to the wrong guide. None: a sentence, since there is no one to share with yet.
export function ShareWithGuide({ choices, value, onChange, variant, disabled }: Props) {
  const [only] = choices;
  if (!only) {
    if (variant === 'sent') return null;
    return (
      <Text size="sm" c="dimmed">
        <Trans>
          You can share a request and its answer once you work with a guide; until then only you read it.
        </Trans>
      </Text>
    );
  }
  if (choices.length === 1) {
    const Control = variant === 'new' ? Checkbox : Switch;
    const { guideName } = only;
    return (
      <Control
        mt={variant === 'sent' ? 'sm' : undefined}
        label={
          variant === 'new'
            ? t`Share this request and its answer with ${guideName}, my guide`
            : t`Shared with ${guideName}, my guide`
        }
        checked={value === only.relationshipId}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked ? only.relationshipId : null)}
      />
    );
  }
  return (
    <Select
      mt={variant === 'sent' ? 'sm' : undefined}
      label={variant === 'new' ? t`Share this request and its answer with` : t`Shared with`}
      data={[
        { value: NOBODY, label: t`No one, only me` },
        ...choices.map((choice) => ({ value: choice.relationshipId, label: choice.guideName })),
      ]}
      value={value ?? NOBODY}
      disabled={disabled}
      allowDeselect={false}
      onChange={(next) => onChange(next ? next : null)}
    />
  );
}
