import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { authClient } from './api/auth-client';
import { AppLayout } from './components/app-layout';
import { CenteredLoader } from './components/centered-loader';
import { ChoicePage } from './routes/directory/choice';
import { ComparePage } from './routes/directory/compare';
import { DirectoryPage } from './routes/directory/directory';
import { GuideProfilePage } from './routes/directory/guide-profile';
import { IntrosPage } from './routes/directory/intros';
import { MyGuideProfilePage } from './routes/directory/my-guide-profile';
import { OutreachPage } from './routes/directory/outreach';
import { ScorecardPage } from './routes/directory/scorecard';
import { ShortlistPage } from './routes/directory/shortlist';
import { GoalDetailPage } from './routes/goal-detail';
import { GoalsPage } from './routes/goals';
import { HomePage } from './routes/home';
import { NewGoalPage } from './routes/new-goal';
import { ReadinessPage } from './routes/readiness';
import { ReadinessResultPage } from './routes/readiness-result';
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
        <Route path="/guides" element={<DirectoryPage />} />
        <Route path="/guides/:guideId" element={<GuideProfilePage />} />
        <Route path="/shortlist" element={<ShortlistPage />} />
        <Route path="/shortlist/compare" element={<ComparePage />} />
        <Route path="/scorecards/:guideId" element={<ScorecardPage />} />
        <Route path="/choice" element={<ChoicePage />} />
        <Route path="/intros" element={<IntrosPage />} />
        <Route path="/outreach" element={<OutreachPage />} />
        <Route path="/my-guide-profile" element={<MyGuideProfilePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
