import { StrictMode } from 'react'
// Global CSS first: the palette, the base and the shared controls; components bring their own.
import './styles/palette.css'
import './styles/base.css'
import './components/common/controls.css'
import './components/common/copy-text.css'
import { createRoot } from 'react-dom/client'
import { App } from './components/shell/App'
import { QuickNote } from './components/shell/QuickNote'
import { connect } from './store'
// Registers the palette's built-in commands; features register theirs the same way.
import './core-commands'
import './incident-commands'
import './p2-commands'
import './update-commands'
import { api } from './api'

// One bundle, two windows: the quick-note box loads the same page at #quick-note.
const quickNote = location.hash === '#quick-note'
if (!quickNote) {
  void connect()
  // A look at the window reads every followed P2 post now (the host skips one just read).
  window.addEventListener('focus', () => void api.p2.readNow())
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>{quickNote ? <QuickNote /> : <App />}</StrictMode>,
)
