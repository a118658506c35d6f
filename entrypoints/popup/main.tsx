import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePopupStore } from './popup-store';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// popup.html?paper=<id> opens straight on that paper (the hover card's "Open in PaperLens").
const deepLink = new URLSearchParams(location.search).get('paper');
if (deepLink) usePopupStore.getState().openPaper(deepLink);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
