import { registerCommands } from './commands'
import { useOpenFromP2 } from './components/incident/OpenFromP2'

/** Reading the P2 back: take an incident over from a post. */
registerCommands('p2', () => [
  {
    id: 'open-from-p2',
    title: 'Open from the P2…',
    keywords: 'take over import post wordpress lead',
    run: () => useOpenFromP2.getState().show(),
  },
])
