import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { authClient } from './api/auth-client';
import { AppLayout } from './components/app-layout';
import { CenteredLoader } from './components/centered-loader';
import { ArtifactDraftPage } from './routes/artifact-draft';
import { ArtifactsPage } from './routes/artifacts';
import { FeedbackRequestsPage } from './routes/feedback-requests';
import { GiveFeedbackPage } from './routes/give-feedback';
import { GoalDetailPage } from './routes/goal-detail';
import { GoalsPage } from './routes/goals';
import { HomePage } from './routes/home';
import { NewGoalPage } from './routes/new-goal';
import { ReadinessPage } from './routes/readiness';
import { ReadinessResultPage } from './routes/readiness-result';
import { SettingsPage } from './routes/settings';
import { ShadowMapPage } from './routes/shadow-map';
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
  const location = useLocation();
  // A feedback giver has no account: their page renders the same for everyone, signed in or not.
  if (location.pathname.startsWith('/feedback/')) {
    return (
      <Routes>
        <Route path="/feedback/:token" element={<GiveFeedbackPage />} />
      </Routes>
    );
  }
  if (session.isPending) return <CenteredLoader label="Loading Corner" />;
  if (!session.data) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
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
        <Route path="/feedback-requests" element={<FeedbackRequestsPage />} />
        <Route path="/shadow-map" element={<ShadowMapPage />} />
        <Route path="/artifacts" element={<ArtifactsPage />} />
        <Route path="/artifacts/:artifactId" element={<ArtifactDraftPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
