import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { authClient } from './api/auth-client';
import { AppLayout } from './components/app-layout';
import { CenteredLoader } from './components/centered-loader';
import { GoalDetailPage } from './routes/goal-detail';
import { GoalsPage } from './routes/goals';
import { GuideBasicsPage } from './routes/guide-basics';
import { HomePage } from './routes/home';
import { InvitationPage } from './routes/invitation';
import { JournalPage } from './routes/journal';
import { NewGoalPage } from './routes/new-goal';
import { ReadinessPage } from './routes/readiness';
import { ReadinessResultPage } from './routes/readiness-result';
import { RelationshipPage } from './routes/relationship';
import { RelationshipReportPage } from './routes/relationship-report';
import { RelationshipsPage } from './routes/relationships';
import { SessionPage } from './routes/session';
import { SignInPage } from './routes/sign-in';
import { SignUpPage } from './routes/sign-up';

// Indigo at shade 8 keeps white text on filled buttons above 4.5:1 contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'md' });
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionGate />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

function SessionGate() {
  const session = authClient.useSession();
  if (session.isPending) return <CenteredLoader label="Loading Corner" />;
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
        <Route path="/relationships" element={<RelationshipsPage />} />
        <Route path="/relationships/:relationshipId" element={<RelationshipPage />} />
        <Route path="/relationships/:relationshipId/report" element={<RelationshipReportPage />} />
        <Route path="/sessions/:sessionId" element={<SessionPage />} />
        <Route path="/invitations/:token" element={<InvitationPage signedIn />} />
        <Route path="/guide-profile" element={<GuideBasicsPage />} />
        <Route path="/journal" element={<JournalPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
