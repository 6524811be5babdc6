import { activateLocale } from './i18n';

// Unit tests read the app's English wording, as a person whose browser speaks English would.
activateLocale('en');
