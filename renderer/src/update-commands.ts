import { checkForUpdates, restartToUpdate, useAppUpdate } from './app-update'
import { registerCommands } from './commands'
import { useApp } from './store'

/** The app's own update in the palette: Check for updates, and the restart once it is offered. */
registerCommands('updates', () => {
  const view = useAppUpdate.getState().view
  const restart = view?.notice?.kind === 'restart' ? view.notice.text : null
  return [
    {
      id: 'check-updates',
      title: 'Check for updates',
      keywords: 'update upgrade version new release',
      run: () => {
        useApp.getState().openSettings('about')
        void checkForUpdates()
      },
    },
    ...(restart
      ? [
          {
            id: 'restart-to-update',
            title: restart,
            keywords: 'update upgrade install restart',
            run: () => void restartToUpdate(),
          },
        ]
      : []),
  ]
})
