import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { connect } from './store'
// Registers the palette's built-in commands; features register theirs the same way.
import './core-commands'
import './styles.css'

void connect()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
