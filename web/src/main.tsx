import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts ship with the console (no font service is reachable on a closed network); each face is split by
// Unicode range, so a browser downloads only the pieces the page's text uses.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/global.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
