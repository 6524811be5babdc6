import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './theme.css';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { activateInitialLocale } from './i18n/i18n';

activateInitialLocale();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
