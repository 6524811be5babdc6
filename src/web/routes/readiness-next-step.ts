import { t } from '@lingui/core/macro';
import type { HelpKind } from '../../domain/readiness/help-kinds';

export type NextStep = { label: string; to: string };

// Every recommendation ends in the step that acts on it. Professional support has none inside Corner:
// its card already says where to turn, and a directory button would suggest a guide can replace it.
export function nextStepFor(kind: HelpKind): NextStep | null {
  switch (kind) {
    case 'mentor':
      return { label: t`Find a mentor`, to: '/guides?kind=mentor' };
    case 'coach':
      return { label: t`Find a coach`, to: '/guides?kind=coach' };
    case 'advisor':
      return { label: t`Find an advisor`, to: '/guides?kind=any&q=advisor' };
    case 'peer-group':
      return { label: t`Invite a peer`, to: '/relationships' };
    case 'self-coaching':
      return { label: t`Start your journal`, to: '/journal' };
    case 'professional-support':
      return null;
  }
}
