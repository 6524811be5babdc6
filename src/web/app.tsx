import { I18nProvider, useLingui } from '@lingui/react';
import { useLingui as useLinguiMacro } from '@lingui/react/macro';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { authClient } from './api/auth-client';
import { AppLayout } from './components/app-layout';
import { CenteredLoader } from './components/centered-loader';
import { i18n } from './i18n/i18n';
import { ArtifactDraftPage } from './routes/artifact-draft';
import { ArtifactsPage } from './routes/artifacts';
import { CohortPage } from './routes/cohort';
import { CohortOutcomesPage } from './routes/cohort-outcomes';
import { ChoicePage } from './routes/directory/choice';
import { ComparePage } from './routes/directory/compare';
import { DirectoryPage } from './routes/directory/directory';
import { GuideProfilePage } from './routes/directory/guide-profile';
import { IntrosPage } from './routes/directory/intros';
import { MyGuideProfilePage } from './routes/directory/my-guide-profile';
import { OutreachPage } from './routes/directory/outreach';
import { ScorecardPage } from './routes/directory/scorecard';
import { ShortlistPage } from './routes/directory/shortlist';
import { FeedbackRequestsPage } from './routes/feedback-requests';
import { GiveFeedbackPage } from './routes/give-feedback';
import { GoalDetailPage } from './routes/goal-detail';
import { GoalsPage } from './routes/goals';
import { GrowthPage } from './routes/growth';
import { HomePage } from './routes/home';
import { ImportedHistoryPage } from './routes/imported-history';
import { InvitationPage } from './routes/invitation';
import { JournalPage } from './routes/journal';
import { NewGoalPage } from './routes/new-goal';
import { NotificationsPage } from './routes/notifications';
import { OrganizationPage } from './routes/organization';
import { OrganizationsPage } from './routes/organizations';
import { OutboxPage } from './routes/outbox';
import { ProgramPage } from './routes/program';
import { ProgramAuditPage } from './routes/program-audit';
import { ProgramsPage } from './routes/programs';
import { RankApplicantsIndexPage, RankApplicantsPage } from './routes/rank-applicants';
import { ReadinessPage } from './routes/readiness';
import { ReadinessResultPage } from './routes/readiness-result';
import { RelationshipPage } from './routes/relationship';
import { RelationshipReportPage } from './routes/relationship-report';
import { RelationshipsPage } from './routes/relationships';
import { SessionPage } from './routes/session';
import { SettingsPage } from './routes/settings';
import { ShadowMapPage } from './routes/shadow-map';
import { SignInPage } from './routes/sign-in';
import { SignUpPage } from './routes/sign-up';
import { SponsorReportPage } from './routes/sponsor-report';

// Indigo at shade 8 keeps white text on filled buttons above 4.5:1 contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'md' });
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <I18nProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SpeakingLocale />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>
  );
}

// Pages format dates and numbers with the active locale outside React's view; keying the tree on the
// locale re-renders every page when the person switches language in Settings.
function SpeakingLocale() {
  const { i18n: active } = useLingui();
  return <SessionGate key={active.locale} />;
}

function SessionGate() {
  const { t } = useLinguiMacro();
  const session = authClient.useSession();
  const location = useLocation();
  // A feedback giver has no account: their page renders the same for everyone, signed in or not.
  if (location.pathname.startsWith('/feedback/')) {
    return (
      <Routes>
        <Route path="/feedback/:token" element={<GiveFeedbackPage />} />
      </Routes>
    );
  }
  if (session.isPending) return <CenteredLoader label={t`Loading Corner`} />;
  if (!session.data) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invitations/:token" element={<InvitationPage signedIn={false} />} />
        <Route path="*" element={<SignUpPage />} />
      </Routes>
    );
  }
  return (
    <AppLayout userName={session.data.user.name}>
      <Routes>
        <Route path="/" element={<HomePage name={session.data.user.name} />} />
        <Route path="/readiness" element={<ReadinessPage />} />
        <Route path="/readiness/:resultId" element={<ReadinessResultPage />} />
        <Route path="/goals" element={<GoalsPage />} />
        <Route path="/goals/new" element={<NewGoalPage />} />
        <Route path="/goals/:goalId" element={<GoalDetailPage />} />
        <Route path="/orgs" element={<OrganizationsPage />} />
        <Route path="/orgs/:slug" element={<OrganizationPage />} />
        <Route path="/programs" element={<ProgramsPage />} />
        <Route path="/programs/:programId" element={<ProgramPage />} />
        <Route path="/programs/:programId/audit" element={<ProgramAuditPage />} />
        <Route path="/cohorts/:cohortId" element={<CohortPage />} />
        <Route path="/cohorts/:cohortId/outcomes" element={<CohortOutcomesPage />} />
        <Route path="/cohorts/:cohortId/sponsor-report" element={<SponsorReportPage />} />
        <Route path="/relationships" element={<RelationshipsPage />} />
        <Route path="/relationships/:relationshipId" element={<RelationshipPage />} />
        <Route path="/relationships/:relationshipId/report" element={<RelationshipReportPage />} />
        <Route path="/sessions/:sessionId" element={<SessionPage />} />
        <Route path="/invitations/:token" element={<InvitationPage signedIn />} />
        <Route path="/guide-profile" element={<Navigate to="/my-guide-profile" replace />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/feedback-requests" element={<FeedbackRequestsPage />} />
        <Route path="/shadow-map" element={<ShadowMapPage />} />
        <Route path="/artifacts" element={<ArtifactsPage />} />
        <Route path="/artifacts/:artifactId" element={<ArtifactDraftPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/growth-record/history" element={<ImportedHistoryPage />} />
        <Route path="/guides" element={<DirectoryPage />} />
        <Route path="/guides/:guideId" element={<GuideProfilePage />} />
        <Route path="/shortlist" element={<ShortlistPage />} />
        <Route path="/shortlist/compare" element={<ComparePage />} />
        <Route path="/scorecards/:guideId" element={<ScorecardPage />} />
        <Route path="/choice" element={<ChoicePage />} />
        <Route path="/intros" element={<IntrosPage />} />
        <Route path="/outreach" element={<OutreachPage />} />
        <Route path="/my-guide-profile" element={<MyGuideProfilePage />} />
        <Route path="/rank-applicants" element={<RankApplicantsIndexPage />} />
        <Route path="/rank-applicants/:cohortId" element={<RankApplicantsPage />} />
        <Route path="/journal" element={<JournalPage />} />
        <Route path="/growth" element={<GrowthPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
